import { findGroup } from "../access/groups";
import { requirePermission } from "../access/middleware";
import { type Action, authorize } from "../access/permissions";
import { type Db, getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import type { Person } from "../http/identity";
import { type Validated, validate, validateJson } from "../http/validate";
import { groupRefs } from "../motions/queries";
import {
  answersQuerySchema,
  choicesInputSchema,
  consultationGroupQuerySchema,
  consultationIdParamSchema,
  consultationInputSchema,
  exportQuerySchema,
  feedbackInputSchema,
  individualAnswersQuerySchema,
  individualInputSchema,
  quoteInputSchema,
  quoteParamSchema,
  taggingInputSchema,
  tagInputSchema,
  versionParamSchema,
  workspaceParamSchema,
} from "../shared/consultation-schemas";
import type {
  AnswerList,
  AnswerVersion,
  ConsultationList,
  ConsultationOverview,
  ConsultationPreview,
  ConsultationView,
  IndividualAnswerList,
  Quote,
  QuoteList,
  TagBoard,
  Workspace,
} from "../shared/consultations";
import type { GroupRef } from "../shared/org";
import { reopenAnswer, saveChoices, saveIndividual, submitAnswer } from "./answer";
import { audienceCount, createConsultation, publish, updateDraft } from "./ask";
import { exportRows, toCsv, toXlsx } from "./exports";
import { addQuote, publishFeedback, quotesOf, removeQuote } from "./feedback";
import { sendFeedbackMails } from "./mail";
import {
  consultationView,
  districtIdOf,
  findVersion,
  listForGroup,
  quoteView,
  workspaceView,
} from "./queries";
import { type FoundConsultation, type FoundWorkspace, findConsultation, findWorkspace } from "./resource";
import { answers, individualAnswers, overview, readerScope } from "./results";
import { createTag, setTagging, tagBoard, tagsRevision } from "./tags";

/**
 * Consultations (rådslag); the whole contract, route by route, is at the top of
 * worker/shared/consultations.ts. Every route on one consultation asks `consultation.read`
 * first, so a consultation one may not see answers 404; then the action's own row (403).
 */

function groupOfQuery(c: Validated<"query", typeof consultationGroupQuerySchema>) {
  return findGroup(getDb(c.env.DB), c.req.valid("query").group);
}

/** One lookup per request, however many rows the route asks. */
const lookedUp = new WeakMap<Request, Promise<FoundConsultation | null>>();
function consultationOfPath(c: Validated<"param", typeof consultationIdParamSchema>) {
  let found = lookedUp.get(c.req.raw);
  if (!found) {
    found = findConsultation(getDb(c.env.DB), c.req.valid("param").id, c.get("session")?.personId ?? null);
    lookedUp.set(c.req.raw, found);
  }
  return found;
}

const canSee = requirePermission("consultation.read", consultationOfPath);

/** An action on a consultation: 404 unless the asker may see it, then the action's own row (403). */
function onConsultation<A extends Action>(action: A) {
  return [
    validate("param", consultationIdParamSchema),
    canSee,
    requirePermission(action, consultationOfPath),
  ] as const;
}

/** The consultation as it is now, after an action. */
async function freshView(env: Env, consultationId: number, asker: Person): Promise<ConsultationView> {
  const db = getDb(env.DB);
  const found = await findConsultation(db, consultationId, asker.personId);
  if (!found) throw new Error(`consultation ${consultationId} vanished`);
  return consultationView(db, found, asker);
}

const workspaces = new WeakMap<Request, Promise<FoundWorkspace | null>>();
function workspaceOfPath(c: Validated<"param", typeof workspaceParamSchema>) {
  let found = workspaces.get(c.req.raw);
  if (!found) {
    const { id, group } = c.req.valid("param");
    found = findWorkspace(getDb(c.env.DB), id, group);
    workspaces.set(c.req.raw, found);
  }
  return found;
}

/**
 * An action in an asked group's workspace: 404 for a draft or what does not exist,
 * `consultation_not_asked` (403) for a group it does not ask, then the workspace's rows.
 */
function inWorkspace<A extends Action>(action: A) {
  return [
    validate("param", workspaceParamSchema),
    requirePermission("consultation.workspace", workspaceOfPath),
    requirePermission(action, workspaceOfPath),
  ] as const;
}

/** The workspace as it is now, for the asker; `current` when the caller holds it as it now is. */
async function freshWorkspace(
  env: Env,
  workspace: FoundWorkspace,
  asker: Person,
  current = false,
): Promise<Workspace> {
  const db = getDb(env.DB);
  const [found, consultation] = await Promise.all([
    current ? workspace : findWorkspace(db, workspace.consultationId, { id: workspace.group.groupId }),
    freshView(env, workspace.consultationId, asker),
  ]);
  if (!found) throw new Error(`workspace of consultation ${workspace.consultationId} vanished`);
  return workspaceView(db, found, consultation, asker);
}

/** What the reader of the results sees: everything for the asking level, her districts' groups for a district's board. */
function scopeOf(c: {
  get(key: "identity"): Person;
  get(key: "resource"): FoundConsultation;
}): number[] | null {
  const found = c.get("resource");
  const who = c.get("identity");
  return readerScope(who, found, authorize(who, "consultation.manage", found));
}

/** A reading query's filters, its district's slug turned into the id (-1, matching none, if unknown), and its page. */
async function readingQuery<F extends object>(
  db: Db,
  query: F & { district?: string | undefined; limit: number; offset: number },
) {
  const { district, limit, offset, ...filters } = query;
  const districtId = district ? ((await districtIdOf(db, district)) ?? -1) : undefined;
  return { filters: { ...filters, district: districtId }, page: { limit, offset } };
}

async function groupRef(env: Env, groupId: number): Promise<GroupRef> {
  const ref = (await groupRefs(getDb(env.DB), [groupId])).get(groupId);
  if (!ref) throw new ApiError(404, "not_found");
  return ref;
}

export const consultationRoutes = featureApp()
  .get(
    "/",
    validate("query", consultationGroupQuerySchema),
    requirePermission("consultation.list", groupOfQuery),
    async (c) => {
      const group = c.get("resource");
      const asking = authorize(c.get("identity"), "consultation.create", group);
      const lists = await listForGroup(getDb(c.env.DB), group.groupId, asking);
      return c.json({ group: await groupRef(c.env, group.groupId), ...lists } satisfies ConsultationList);
    },
  )
  .post(
    "/",
    validate("query", consultationGroupQuerySchema),
    requirePermission("consultation.create", groupOfQuery),
    validateJson(consultationInputSchema),
    async (c) => {
      const identity = c.get("identity");
      const id = await createConsultation(
        getDb(c.env.DB),
        c.get("resource"),
        c.req.valid("json"),
        identity.personId,
      );
      return c.json((await freshView(c.env, id, identity)) satisfies ConsultationView, 201);
    },
  )
  .get("/:id", validate("param", consultationIdParamSchema), canSee, async (c) => {
    const view = await consultationView(getDb(c.env.DB), c.get("resource"), c.get("identity"));
    return c.json(view satisfies ConsultationView);
  })
  .put("/:id", ...onConsultation("consultation.manage"), validateJson(consultationInputSchema), async (c) => {
    const { record, asker, consultationId } = c.get("resource");
    await updateDraft(getDb(c.env.DB), record, asker, c.req.valid("json"));
    return c.json((await freshView(c.env, consultationId, c.get("identity"))) satisfies ConsultationView);
  })
  .get("/:id/preview", ...onConsultation("consultation.manage"), async (c) => {
    const db = getDb(c.env.DB);
    const found = c.get("resource");
    const view = await consultationView(db, found, c.get("identity"));
    // As a group sees it: nothing of what only the asking level may do.
    const consultation = { ...view, can: [], myGroups: [] };
    const asked = await audienceCount(db, found.asker, view.audience);
    return c.json({ consultation, asked } satisfies ConsultationPreview);
  })
  .post("/:id/publish", ...onConsultation("consultation.manage"), async (c) => {
    const { record, asker, consultationId } = c.get("resource");
    const identity = c.get("identity");
    await publish(getDb(c.env.DB), record, asker, identity.personId);
    return c.json((await freshView(c.env, consultationId, identity)) satisfies ConsultationView);
  })
  .get(
    "/:id/groups/:group",
    validate("param", workspaceParamSchema),
    requirePermission("consultation.workspace", workspaceOfPath),
    async (c) => {
      return c.json((await freshWorkspace(c.env, c.get("resource"), c.get("identity"))) satisfies Workspace);
    },
  )
  .put(
    "/:id/groups/:group/choices",
    ...inWorkspace("consultation.write"),
    validateJson(choicesInputSchema),
    async (c) => {
      await saveChoices(getDb(c.env.DB), c.get("resource"), c.req.valid("json").choices);
      return c.json((await freshWorkspace(c.env, c.get("resource"), c.get("identity"))) satisfies Workspace);
    },
  )
  .post("/:id/groups/:group/submit", ...inWorkspace("consultation.submit"), async (c) => {
    const identity = c.get("identity");
    const submitted = await submitAnswer(c.env, getDb(c.env.DB), c.get("resource"), identity.personId);
    return c.json((await freshWorkspace(c.env, submitted, identity, true)) satisfies Workspace);
  })
  .post("/:id/groups/:group/reopen", ...inWorkspace("consultation.submit"), async (c) => {
    await reopenAnswer(getDb(c.env.DB), c.get("resource"), c.get("identity").personId);
    return c.json((await freshWorkspace(c.env, c.get("resource"), c.get("identity"))) satisfies Workspace);
  })
  .put(
    "/:id/groups/:group/individual",
    ...inWorkspace("consultation.individual"),
    validateJson(individualInputSchema),
    async (c) => {
      const identity = c.get("identity");
      await saveIndividual(getDb(c.env.DB), c.get("resource"), identity.personId, c.req.valid("json").items);
      return c.json((await freshWorkspace(c.env, c.get("resource"), identity)) satisfies Workspace);
    },
  )
  .get(
    "/:id/groups/:group/versions/:number",
    validate("param", versionParamSchema),
    requirePermission("consultation.workspace", workspaceOfPath),
    async (c) => {
      const { consultationId, group } = c.get("resource");
      const version = await findVersion(
        getDb(c.env.DB),
        consultationId,
        group.groupId,
        c.req.valid("param").number,
      );
      if (!version) throw new ApiError(404, "not_found");
      return c.json(version satisfies AnswerVersion);
    },
  )
  .get("/:id/overview", ...onConsultation("consultation.results"), async (c) => {
    const found = c.get("resource");
    return c.json(
      (await overview(getDb(c.env.DB), found.consultationId, scopeOf(c))) satisfies ConsultationOverview,
    );
  })
  .get(
    "/:id/answers",
    ...onConsultation("consultation.results"),
    validate("query", answersQuerySchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const { filters, page } = await readingQuery(db, c.req.valid("query"));
      const found = await answers(db, c.get("resource").consultationId, scopeOf(c), filters, page);
      return c.json(found satisfies AnswerList);
    },
  )
  .get(
    "/:id/individual-answers",
    ...onConsultation("consultation.results"),
    validate("query", individualAnswersQuerySchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const { filters, page } = await readingQuery(db, c.req.valid("query"));
      const found = await individualAnswers(db, c.get("resource").consultationId, scopeOf(c), filters, page);
      return c.json(found satisfies IndividualAnswerList);
    },
  )
  .get(
    "/:id/export",
    ...onConsultation("consultation.results"),
    validate("query", exportQuerySchema),
    async (c) => {
      const { consultationId } = c.get("resource");
      const rows = await exportRows(getDb(c.env.DB), consultationId, scopeOf(c));
      const name = `consultation-${consultationId}-answers`;
      c.header("Cache-Control", "no-store");
      if (c.req.valid("query").format === "csv") {
        return c.body(toCsv([...rows.groups, ...rows.members]), 200, {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}.csv"`,
        });
      }
      return c.body(await toXlsx(rows), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      });
    },
  )
  .get("/:id/tags", ...onConsultation("consultation.results"), async (c) => {
    // Polled every few seconds: the revision alone decides whether anything is sent.
    const db = getDb(c.env.DB);
    const { consultationId } = c.get("resource");
    const etag = `"${await tagsRevision(db, consultationId)}"`;
    c.header("ETag", etag);
    c.header("Cache-Control", "no-cache");
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
    const board = await tagBoard(db, consultationId, scopeOf(c));
    c.header("ETag", `"${board.revision}"`);
    return c.json(board satisfies TagBoard);
  })
  .post("/:id/tags", ...onConsultation("consultation.manage"), validateJson(tagInputSchema), async (c) => {
    const db = getDb(c.env.DB);
    const { consultationId } = c.get("resource");
    await createTag(db, consultationId, c.req.valid("json").name, c.get("identity").personId);
    return c.json((await tagBoard(db, consultationId, null)) satisfies TagBoard, 201);
  })
  .post(
    "/:id/tagging",
    ...onConsultation("consultation.manage"),
    validateJson(taggingInputSchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const { consultationId } = c.get("resource");
      await setTagging(db, consultationId, c.req.valid("json"), c.get("identity").personId);
      return c.json((await tagBoard(db, consultationId, null)) satisfies TagBoard);
    },
  )
  .get("/:id/quotes", ...onConsultation("consultation.results"), async (c) => {
    const quotes = await quotesOf(getDb(c.env.DB), c.get("resource").consultationId, scopeOf(c));
    return c.json({ quotes } satisfies QuoteList);
  })
  .post(
    "/:id/quotes",
    ...onConsultation("consultation.manage"),
    validateJson(quoteInputSchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const input = c.req.valid("json");
      const quote = await addQuote(db, c.get("resource").record, input, c.get("identity").personId);
      return c.json(quoteView(quote, await groupRef(c.env, input.groupId)) satisfies Quote, 201);
    },
  )
  .delete(
    "/:id/quotes/:quoteId",
    validate("param", quoteParamSchema),
    canSee,
    requirePermission("consultation.manage", consultationOfPath),
    async (c) => {
      await removeQuote(getDb(c.env.DB), c.get("resource").consultationId, c.req.valid("param").quoteId);
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/feedback",
    ...onConsultation("consultation.manage"),
    validateJson(feedbackInputSchema),
    async (c) => {
      const { record, consultationId } = c.get("resource");
      const identity = c.get("identity");
      const first = await publishFeedback(
        getDb(c.env.DB),
        record,
        c.req.valid("json").summary,
        identity.personId,
      );
      if (first) await sendFeedbackMails(c.env, consultationId);
      return c.json((await freshView(c.env, consultationId, identity)) satisfies ConsultationView);
    },
  );
