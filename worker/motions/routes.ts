import { findGroup } from "../access/groups";
import { requirePermission } from "../access/middleware";
import { type Action, allowedMotionActions } from "../access/permissions";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import type { Person } from "../http/identity";
import { type Validated, validate, validateJson } from "../http/validate";
import type {
  CoauthorCandidate,
  MotionAmendment,
  MotionAmendmentList,
  MotionCommentList,
  MotionCommentThread,
  MotionList,
  MotionPeriod,
  MotionVersion,
  MotionVersionDiff,
  MotionView,
} from "../shared/motions";
import {
  amendmentDecisionSchema,
  amendmentParamSchema,
  amendmentSchema,
  coauthorSchema,
  coauthorSearchSchema,
  commentParamSchema,
  commentReplySchema,
  commentResolveSchema,
  commentThreadSchema,
  conclusionSchema,
  createMotionSchema,
  createPeriodSchema,
  decisionSchema,
  motionGroupQuerySchema,
  motionIdParamSchema,
  motionListQuerySchema,
  motionVersionParamSchema,
  statementSchema,
  submitMotionSchema,
  versionDiffQuerySchema,
} from "../shared/motions-schemas";
import type { GroupRef } from "../shared/org";
import { decideAmendment, diffVersions, listAmendments, proposeAmendment } from "./amendments";
import { coauthorCandidates } from "./coauthors";
import { findThreadView, listThreads, reply, setResolved, startThread } from "./comments";
import { versionDocx, versionMarkdown } from "./exports";
import {
  addCoauthor,
  conclude,
  convertIdea,
  createMotion,
  createPeriod,
  openForSupport,
  recordDecision,
  submit,
  support,
  writeStatement,
} from "./lifecycle";
import {
  findPeriod,
  findVersion,
  groupRefs,
  listMotions,
  motionDetail,
  periodsOf,
  periodView,
  versionView,
} from "./queries";
import { type FoundMotion, findMotion } from "./resource";

/**
 * Motions and idea drafts:
 * - `GET /api/motions?group=branch:goteborg[&state=…][&q=…]`: the group's motions the asker
 *   may see, by state, searched (`motion.list`);
 * - `POST /api/motions?group=…`: a new motion or idea draft (`motion.create`); its text is
 *   then written live in the room document `motion:<id>`;
 * - `GET|POST /api/motions/periods?group=…`: the group's motion periods (`motion.list`,
 *   `motion.periods`);
 * - `GET /api/motions/:id`, `GET /api/motions/:id/versions/:number` (with line numbers);
 * - `GET /api/motions/:id/candidates?q=`: members of its group its authors may invite;
 * - `POST /api/motions/:id/{coauthors,open,convert,submit}` (its authors), `/support`
 *   (members of its group), `/{statement,decision,conclusion}` (the group's board);
 * - `GET /api/motions/:id/versions/:number/{docx,markdown}`: a version to download;
 *   `GET /api/motions/:id/diff?from=1&to=2`: two versions compared word by word;
 * - `GET|POST /api/motions/:id/amendments` (`motion.amend` to propose), and
 *   `POST /api/motions/:id/amendments/:amendmentId/decision` (the board, `motion.treat`);
 * - `GET|POST /api/motions/:id/comments`, `POST …/comments/:threadId/{replies,resolution}`
 *   (`motion.comment`).
 * Every motion route asks `motion.read` first, so a motion one may not see answers 404
 * whatever the action; then the action's own row decides (403).
 */

function groupOfQuery(c: Validated<"query", typeof motionGroupQuerySchema>) {
  return findGroup(getDb(c.env.DB), c.req.valid("query").group);
}

/** One lookup per request, however many rows the route asks. */
const lookedUp = new WeakMap<Request, Promise<FoundMotion | null>>();
function motionOfPath(c: Validated<"param", typeof motionIdParamSchema>) {
  let found = lookedUp.get(c.req.raw);
  if (!found) {
    found = findMotion(getDb(c.env.DB), c.req.valid("param").id);
    lookedUp.set(c.req.raw, found);
  }
  return found;
}

/** `motion.read` on the motion of the path; also the motion's page (./page.ts). */
export const canSee = requirePermission("motion.read", motionOfPath);

/** An action on a motion: 404 unless the asker may see it, then the action's own row (403). */
function onMotion<A extends Action>(action: A) {
  return [validate("param", motionIdParamSchema), canSee, requirePermission(action, motionOfPath)] as const;
}

/** The motion as the asker sees it: its detail and what the table lets her do with it. */
export async function viewOf(env: Env, found: FoundMotion, asker: Person): Promise<MotionView> {
  const detail = await motionDetail(getDb(env.DB), found.record, asker.personId);
  return { ...detail, can: allowedMotionActions(asker, found) };
}

/** The motion as it is now, after an action: what every action answers. */
async function freshDetail(env: Env, { motionId }: { motionId: number }, asker: Person): Promise<MotionView> {
  const found = await findMotion(getDb(env.DB), motionId);
  if (!found) throw new Error(`motion ${motionId} vanished`);
  return viewOf(env, found, asker);
}

/** A comment thread's routes: like onMotion, with the thread's id in the path. */
function onThread<A extends Action>(action: A) {
  return [validate("param", commentParamSchema), canSee, requirePermission(action, motionOfPath)] as const;
}

/** The version the path names, with its line numbers; 404 if the motion has no such version. */
async function versionOfPath(
  env: Env,
  { id, number }: { id: number; number: number },
): Promise<MotionVersion> {
  const row = await findVersion(getDb(env.DB), id, number);
  if (!row) throw new ApiError(404, "not_found");
  return versionView(row);
}

/** A download's file name: ASCII only, so no header encoding is needed. */
function exportName({ id, number }: { id: number; number: number }): string {
  return `motion-${id}-version-${number}`;
}

async function amendmentView(
  db: ReturnType<typeof getDb>,
  motionId: number,
  id: number,
): Promise<MotionAmendment> {
  const found = (await listAmendments(db, motionId)).find((a) => a.id === id);
  if (!found) throw new Error(`amendment ${id} vanished`);
  return found;
}

async function groupRef(c: { env: Env }, groupId: number): Promise<GroupRef> {
  const ref = (await groupRefs(getDb(c.env.DB), [groupId])).get(groupId);
  if (!ref) throw new ApiError(404, "not_found");
  return ref;
}

export const motionRoutes = featureApp()
  .get(
    "/",
    validate("query", motionListQuerySchema),
    requirePermission("motion.list", groupOfQuery),
    async (c) => {
      const { groupId } = c.get("resource");
      const { state, q, limit } = c.req.valid("query");
      const db = getDb(c.env.DB);
      const motions = await listMotions(db, groupId, c.get("identity").personId, { state, q, limit });
      return c.json({ group: await groupRef(c, groupId), motions } satisfies MotionList);
    },
  )
  .post(
    "/",
    validate("query", motionGroupQuerySchema),
    requirePermission("motion.create", groupOfQuery),
    validateJson(createMotionSchema),
    async (c) => {
      const identity = c.get("identity");
      const db = getDb(c.env.DB);
      const id = await createMotion(c.env, db, {
        groupId: c.get("resource").groupId,
        ...c.req.valid("json"),
        personId: identity.personId,
      });
      return c.json((await freshDetail(c.env, { motionId: id }, identity)) satisfies MotionView, 201);
    },
  )
  .get(
    "/periods",
    validate("query", motionGroupQuerySchema),
    requirePermission("motion.list", groupOfQuery),
    async (c) => {
      const { groupId } = c.get("resource");
      const periods = await periodsOf(getDb(c.env.DB), groupId, await groupRef(c, groupId));
      return c.json(periods satisfies MotionPeriod[]);
    },
  )
  .post(
    "/periods",
    validate("query", motionGroupQuerySchema),
    requirePermission("motion.periods", groupOfQuery),
    validateJson(createPeriodSchema),
    async (c) => {
      const { groupId } = c.get("resource");
      const db = getDb(c.env.DB);
      const id = await createPeriod(db, groupId, c.req.valid("json"), c.get("identity").personId);
      const period = await findPeriod(db, id);
      if (!period) throw new Error("created period not found");
      return c.json(periodView(period, await groupRef(c, groupId)) satisfies MotionPeriod, 201);
    },
  )
  .get("/:id", validate("param", motionIdParamSchema), canSee, async (c) => {
    return c.json((await viewOf(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .get("/:id/versions/:number", validate("param", motionVersionParamSchema), canSee, async (c) => {
    const { id, number } = c.req.valid("param");
    const row = await findVersion(getDb(c.env.DB), id, number);
    if (!row) throw new ApiError(404, "not_found");
    return c.json(versionView(row) satisfies MotionVersion);
  })
  .get(
    "/:id/candidates",
    ...onMotion("motion.manage"),
    validate("query", coauthorSearchSchema),
    async (c) => {
      const { record } = c.get("resource");
      const found = await coauthorCandidates(getDb(c.env.DB), record, c.req.valid("query").q);
      return c.json(found satisfies CoauthorCandidate[]);
    },
  )
  .post("/:id/coauthors", ...onMotion("motion.manage"), validateJson(coauthorSchema), async (c) => {
    await addCoauthor(getDb(c.env.DB), c.get("resource").record, c.req.valid("json").personId);
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/open", ...onMotion("motion.manage"), async (c) => {
    await openForSupport(getDb(c.env.DB), c.get("resource").record);
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/convert", ...onMotion("motion.manage"), async (c) => {
    await convertIdea(c.env, getDb(c.env.DB), c.get("resource").record);
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/support", ...onMotion("motion.support"), async (c) => {
    await support(getDb(c.env.DB), c.get("resource").record, c.get("identity").personId);
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/submit", ...onMotion("motion.manage"), validateJson(submitMotionSchema), async (c) => {
    const { periodId } = c.req.valid("json");
    await submit(c.env, getDb(c.env.DB), c.get("resource").record, periodId, c.get("identity").personId);
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/statement", ...onMotion("motion.treat"), validateJson(statementSchema), async (c) => {
    await writeStatement(
      getDb(c.env.DB),
      c.get("resource").record,
      c.req.valid("json"),
      c.get("identity").personId,
    );
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/decision", ...onMotion("motion.treat"), validateJson(decisionSchema), async (c) => {
    const { decisions } = c.req.valid("json");
    await recordDecision(getDb(c.env.DB), c.get("resource").record, decisions, c.get("identity").personId);
    return c.json((await freshDetail(c.env, c.get("resource"), c.get("identity"))) satisfies MotionView);
  })
  .post("/:id/conclusion", ...onMotion("motion.treat"), validateJson(conclusionSchema), async (c) => {
    const { outcome } = c.req.valid("json");
    const identity = c.get("identity");
    await conclude(c.env, getDb(c.env.DB), c.get("resource").record, outcome, identity.personId);
    return c.json((await freshDetail(c.env, c.get("resource"), identity)) satisfies MotionView);
  })
  .get("/:id/versions/:number/docx", validate("param", motionVersionParamSchema), canSee, async (c) => {
    const version = await versionOfPath(c.env, c.req.valid("param"));
    return c.body(await versionDocx(version), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${exportName(c.req.valid("param"))}.docx"`,
    });
  })
  .get("/:id/versions/:number/markdown", validate("param", motionVersionParamSchema), canSee, async (c) => {
    const version = await versionOfPath(c.env, c.req.valid("param"));
    return c.body(versionMarkdown(version), 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportName(c.req.valid("param"))}.md"`,
    });
  })
  .get(
    "/:id/diff",
    validate("param", motionIdParamSchema),
    validate("query", versionDiffQuerySchema),
    canSee,
    async (c) => {
      const { id } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      const [before, after] = await Promise.all([
        versionOfPath(c.env, { id, number: from }),
        versionOfPath(c.env, { id, number: to }),
      ]);
      return c.json(diffVersions(before, after) satisfies MotionVersionDiff);
    },
  )
  .get("/:id/amendments", validate("param", motionIdParamSchema), canSee, async (c) => {
    const amendments = await listAmendments(getDb(c.env.DB), c.get("resource").motionId);
    return c.json({ amendments } satisfies MotionAmendmentList);
  })
  .post("/:id/amendments", ...onMotion("motion.amend"), validateJson(amendmentSchema), async (c) => {
    const db = getDb(c.env.DB);
    const { record } = c.get("resource");
    const id = await proposeAmendment(db, record, c.req.valid("json"), c.get("identity").personId);
    return c.json(await amendmentView(db, record.id, id), 201);
  })
  .post(
    "/:id/amendments/:amendmentId/decision",
    validate("param", amendmentParamSchema),
    canSee,
    requirePermission("motion.treat", motionOfPath),
    validateJson(amendmentDecisionSchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const { record } = c.get("resource");
      const { amendmentId } = c.req.valid("param");
      await decideAmendment(
        db,
        record,
        amendmentId,
        c.req.valid("json").decision,
        c.get("identity").personId,
      );
      return c.json({ amendments: await listAmendments(db, record.id) } satisfies MotionAmendmentList);
    },
  )
  .get("/:id/comments", validate("param", motionIdParamSchema), canSee, async (c) => {
    const threads = await listThreads(c.env, getDb(c.env.DB), c.get("resource").motionId);
    return c.json({ threads } satisfies MotionCommentList);
  })
  .post("/:id/comments", ...onMotion("motion.comment"), validateJson(commentThreadSchema), async (c) => {
    const db = getDb(c.env.DB);
    const { motionId } = c.get("resource");
    const id = await startThread(c.env, db, motionId, c.req.valid("json"), c.get("identity").personId);
    return c.json((await findThreadView(c.env, db, motionId, id)) satisfies MotionCommentThread, 201);
  })
  .post(
    "/:id/comments/:threadId/replies",
    ...onThread("motion.comment"),
    validateJson(commentReplySchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const { motionId } = c.get("resource");
      const { threadId } = c.req.valid("param");
      await reply(db, motionId, threadId, c.req.valid("json").body, c.get("identity").personId);
      return c.json((await findThreadView(c.env, db, motionId, threadId)) satisfies MotionCommentThread);
    },
  )
  .post(
    "/:id/comments/:threadId/resolution",
    ...onThread("motion.comment"),
    validateJson(commentResolveSchema),
    async (c) => {
      const db = getDb(c.env.DB);
      const { motionId } = c.get("resource");
      const { threadId } = c.req.valid("param");
      await setResolved(db, motionId, threadId, c.req.valid("json").resolved, c.get("identity").personId);
      return c.json((await findThreadView(c.env, db, motionId, threadId)) satisfies MotionCommentThread);
    },
  );
