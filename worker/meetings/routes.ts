import { findGroup } from "../access/groups";
import { requirePermission, requirePerson } from "../access/middleware";
import { type Action, allowedMeetingActions } from "../access/permissions";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import type { Identity } from "../http/identity";
import { type Validated, validate, validateJson } from "../http/validate";
import {
  createMeetingSchema,
  meetingGroupQuerySchema,
  meetingIdParamSchema,
  meetingListQuerySchema,
  meetingPastQuerySchema,
  updateMeetingSchema,
} from "../shared/meeting-schemas";
import type { MeetingList, MeetingView } from "../shared/meetings";
import { createMeeting, updateMeeting } from "./planning";
import { groupMeetings, groupRefOf, meetingDetail, personMeetings } from "./queries";
import { type FoundMeeting, findMeeting } from "./resource";

/**
 * Meetings, planned over REST; run live in the meeting room (`meeting:<id>`, worker/meetings/live/):
 * - `GET /api/meetings?group=branch:goteborg[&past=1]`: the group's meetings not ended yet
 *   (`meeting.list`); `GET /api/meetings/mine`: those of the logged-in person's groups and
 *   those she is an officer of;
 * - `POST /api/meetings?group=…`: plan one (`meeting.plan`: the group's chair or secretary);
 * - `GET /api/meetings/:id` (`meeting.read`: 404 to anyone who may not attend it);
 * - `PATCH /api/meetings/:id`: change it until it opens (`meeting.manage`).
 */

function groupOfQuery(c: Validated<"query", typeof meetingGroupQuerySchema>) {
  return findGroup(getDb(c.env.DB), c.req.valid("query").group);
}

/** One lookup per request, however many rows the route asks. */
const lookedUp = new WeakMap<Request, Promise<FoundMeeting | null>>();
export function meetingOfPath(c: Validated<"param", typeof meetingIdParamSchema>) {
  let found = lookedUp.get(c.req.raw);
  if (!found) {
    found = findMeeting(getDb(c.env.DB), c.req.valid("param").id);
    lookedUp.set(c.req.raw, found);
  }
  return found;
}

const canSee = requirePermission("meeting.read", meetingOfPath);

/** An action on a meeting: 404 unless the asker may see it, then the action's own row (403). */
export function onMeeting<A extends Action>(action: A) {
  return [validate("param", meetingIdParamSchema), canSee, requirePermission(action, meetingOfPath)] as const;
}

/** The meeting as the asker sees it now. */
export async function meetingView(env: Env, meetingId: number, asker: Identity): Promise<MeetingView> {
  const db = getDb(env.DB);
  const found = await findMeeting(db, meetingId);
  if (!found) throw new Error(`meeting ${meetingId} vanished`);
  return { ...(await meetingDetail(db, found.record)), can: allowedMeetingActions(asker, found) };
}

export const meetingRoutes = featureApp()
  .get(
    "/",
    validate("query", meetingListQuerySchema),
    requirePermission("meeting.list", groupOfQuery),
    async (c) => {
      const { groupId } = c.get("resource");
      const db = getDb(c.env.DB);
      const past = c.req.valid("query").past === "1";
      const list: MeetingList = {
        group: await groupRefOf(db, groupId),
        meetings: await groupMeetings(db, groupId, past),
      };
      return c.json(list);
    },
  )
  .get("/mine", requirePerson, validate("query", meetingPastQuerySchema), async (c) => {
    const past = c.req.valid("query").past === "1";
    const meetings = await personMeetings(getDb(c.env.DB), c.get("identity").personId, past);
    return c.json({ group: null, meetings } satisfies MeetingList);
  })
  .post(
    "/",
    validate("query", meetingGroupQuerySchema),
    requirePermission("meeting.plan", groupOfQuery),
    validateJson(createMeetingSchema),
    async (c) => {
      const identity = c.get("identity");
      const id = await createMeeting(
        getDb(c.env.DB),
        c.get("resource"),
        c.req.valid("json"),
        identity.personId,
      );
      return c.json((await meetingView(c.env, id, identity)) satisfies MeetingView, 201);
    },
  )
  .get("/:id", validate("param", meetingIdParamSchema), canSee, async (c) => {
    const { meetingId } = c.get("resource");
    return c.json((await meetingView(c.env, meetingId, c.get("identity"))) satisfies MeetingView);
  })
  .patch("/:id", ...onMeeting("meeting.manage"), validateJson(updateMeetingSchema), async (c) => {
    const found = c.get("resource");
    await updateMeeting(getDb(c.env.DB), found.group, found.record, c.req.valid("json"));
    return c.json((await meetingView(c.env, found.meetingId, c.get("identity"))) satisfies MeetingView);
  });
