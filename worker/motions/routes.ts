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
  MotionList,
  MotionPeriod,
  MotionVersion,
  MotionView,
} from "../shared/motions";
import {
  coauthorSchema,
  coauthorSearchSchema,
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
} from "../shared/motions-schemas";
import type { GroupRef } from "../shared/org";
import { coauthorCandidates } from "./coauthors";
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
 *   (members of its group), `/{statement,decision,conclusion}` (the group's board).
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

const canSee = requirePermission("motion.read", motionOfPath);

/** An action on a motion: 404 unless the asker may see it, then the action's own row (403). */
function onMotion<A extends Action>(action: A) {
  return [validate("param", motionIdParamSchema), canSee, requirePermission(action, motionOfPath)] as const;
}

/** The motion as the asker sees it: its detail and what the table lets her do with it. */
async function viewOf(env: Env, found: FoundMotion, asker: Person): Promise<MotionView> {
  const detail = await motionDetail(getDb(env.DB), found.record, asker.personId);
  return { ...detail, can: allowedMotionActions(asker, found) };
}

/** The motion as it is now, after an action: what every action answers. */
async function freshDetail(env: Env, { motionId }: { motionId: number }, asker: Person): Promise<MotionView> {
  const found = await findMotion(getDb(env.DB), motionId);
  if (!found) throw new Error(`motion ${motionId} vanished`);
  return viewOf(env, found, asker);
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
  });
