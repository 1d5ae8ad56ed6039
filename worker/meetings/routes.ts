import { findGroup } from "../access/groups";
import { requirePermission, requirePerson } from "../access/middleware";
import { type Action, allowedMeetingActions } from "../access/permissions";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import type { Identity } from "../http/identity";
import { type Validated, validate, validateJson } from "../http/validate";
import { membersNamed } from "../motions/coauthors";
import { meetingStub } from "../rooms/address";
import {
  calendarTokenParamSchema,
  createMeetingSchema,
  groupOfficerSearchQuerySchema,
  meetingGroupQuerySchema,
  meetingIdParamSchema,
  meetingListQuerySchema,
  meetingPastQuerySchema,
  meetingVoteParamSchema,
  minutesVersionParamSchema,
  officerSearchQuerySchema,
  updateMeetingSchema,
} from "../shared/meeting-schemas";
import type {
  BallotList,
  CalendarFeed,
  InvitationsSent,
  MeetingList,
  MeetingView,
  MinutesVersion,
} from "../shared/meetings";
import type { CoauthorCandidate as PersonCandidate } from "../shared/motions";
import { feedFile, sendInvitations } from "./calendar";
import { minutesDocx, minutesMarkdown } from "./exports";
import { createFeed, feedOwner, revokeFeeds } from "./feeds";
import { approveMinutes, findMinutesVersion, submitMinutes } from "./minutes";
import { createMeeting, turnAwayGuests, updateMeeting } from "./planning";
import { groupMeetings, groupRefOf, meetingDetail, personMeetings, publishedBallots } from "./queries";
import { type FoundMeeting, findMeeting } from "./resource";

/**
 * Meetings, planned over REST; run live in the meeting room (`meeting:<id>`, worker/meetings/live/):
 * - `GET /api/meetings?group=branch:goteborg[&past=1]`: the group's meetings not ended yet
 *   (`meeting.list`); `GET /api/meetings/mine`: those of the logged-in person's groups and
 *   those she is an officer of;
 * - `POST /api/meetings?group=…`: plan one (`meeting.plan`: the group's chair or secretary);
 * - `GET /api/meetings/:id` (`meeting.read`: 404 to anyone who may not attend it);
 * - `PATCH /api/meetings/:id`: change it until it opens (`meeting.manage`);
 * - `GET /api/meetings/candidates?group=…&q=` (`meeting.plan`) and `GET /api/meetings/:id/candidates?q=`
 *   (`meeting.manage`): whom the plan may name as officers, by name (the group's members and
 *   those of the groups above it, as the plan checks);
 * - `POST /api/meetings/:id/invitations`: mail the group's members an invitation with an
 *   `.ics` (`meeting.manage`);
 * - `POST|DELETE /api/meetings/calendar-feed`: the logged-in person's calendar feed address,
 *   new or revoked; `GET /api/meetings/calendar/<token>.ics`: the feed (text/calendar);
 * - `POST /api/meetings/:id/minutes`: the secretary hands the closed meeting's minutes (the
 *   live draft `minutes:<id>`) to the adjusters as a frozen version (`meeting.minutes`);
 *   `GET …/minutes/:version[/docx|/markdown]` (`meeting.read`);
 *   `POST …/minutes/:version/approval`: an adjuster approves; the last one freezes it
 *   (`meeting.approve`);
 * - `GET /api/meetings/:id/votes/:voteId/ballots`: a closed secret vote's ballots, by
 *   receipt, for each voter to find hers (`meeting.read`).
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
  /** Whom the planner of a new meeting may name its officers: the group's members and those of groups above it. */
  .get(
    "/candidates",
    validate("query", groupOfficerSearchQuerySchema),
    requirePermission("meeting.plan", groupOfQuery),
    async (c) => {
      const found = await membersNamed(getDb(c.env.DB), c.get("resource").path, c.req.valid("query").q);
      return c.json(found satisfies PersonCandidate[]);
    },
  )
  /** A new calendar feed address for the logged-in person (her old one stops working). */
  .post("/calendar-feed", requirePerson, async (c) => {
    const feed = await createFeed(getDb(c.env.DB), c.get("identity").personId, new URL(c.req.url).origin);
    return c.json(feed satisfies CalendarFeed, 201);
  })
  .delete("/calendar-feed", requirePerson, async (c) => {
    await revokeFeeds(getDb(c.env.DB), c.get("identity").personId);
    return c.body(null, 204);
  })
  /** The feed itself, for calendar apps (no session): 404 for a token that opens nothing. */
  .get("/calendar/:token", validate("param", calendarTokenParamSchema), async (c) => {
    const db = getDb(c.env.DB);
    const personId = await feedOwner(db, c.req.valid("param").token.slice(0, -".ics".length));
    if (!personId) throw new ApiError(404, "not_found");
    return c.body(await feedFile(db, personId, new URL(c.req.url).origin), 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
    });
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
  /** Whom its managers may name its officers, as for a new meeting of its group. */
  .get(
    "/:id/candidates",
    ...onMeeting("meeting.manage"),
    validate("query", officerSearchQuerySchema),
    async (c) => {
      const { group } = c.get("resource");
      const found = await membersNamed(getDb(c.env.DB), group.path, c.req.valid("query").q);
      return c.json(found satisfies PersonCandidate[]);
    },
  )
  /** Mails the invitation with its `.ics` to every member of the group (`meeting.manage`). */
  .post("/:id/invitations", ...onMeeting("meeting.manage"), async (c) => {
    const { record } = c.get("resource");
    const sent = await sendInvitations(c.env, getDb(c.env.DB), record, new URL(c.req.url).origin);
    return c.json(sent satisfies InvitationsSent);
  })
  /** The secretary hands the closed meeting's minutes to the adjusters: a new frozen version. */
  .post("/:id/minutes", ...onMeeting("meeting.minutes"), async (c) => {
    const version = await submitMinutes(
      c.env,
      getDb(c.env.DB),
      c.get("resource"),
      c.get("identity").personId,
    );
    return c.json(version satisfies MinutesVersion, 201);
  })
  .get("/:id/minutes/:version", validate("param", minutesVersionParamSchema), canSee, async (c) => {
    const { id, version } = c.req.valid("param");
    return c.json((await findMinutesVersion(getDb(c.env.DB), id, version)) satisfies MinutesVersion);
  })
  /** An adjuster approves the latest version; the last approval freezes it. */
  .post(
    "/:id/minutes/:version/approval",
    validate("param", minutesVersionParamSchema),
    canSee,
    requirePermission("meeting.approve", meetingOfPath),
    async (c) => {
      const db = getDb(c.env.DB);
      const { version } = c.req.valid("param");
      const approved = await approveMinutes(db, c.get("resource"), version, c.get("identity").personId);
      return c.json(approved satisfies MinutesVersion);
    },
  )
  .get("/:id/minutes/:version/docx", validate("param", minutesVersionParamSchema), canSee, async (c) => {
    const { id, version } = c.req.valid("param");
    const found = await findMinutesVersion(getDb(c.env.DB), id, version);
    return c.body(await minutesDocx(found), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="minutes-${id}-version-${version}.docx"`,
    });
  })
  .get("/:id/minutes/:version/markdown", validate("param", minutesVersionParamSchema), canSee, async (c) => {
    const { id, version } = c.req.valid("param");
    const found = await findMinutesVersion(getDb(c.env.DB), id, version);
    return c.body(minutesMarkdown(found), 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="minutes-${id}-version-${version}.md"`,
    });
  })
  .get("/:id/votes/:voteId/ballots", validate("param", meetingVoteParamSchema), canSee, async (c) => {
    const { voteId } = c.req.valid("param");
    return c.json(
      (await publishedBallots(getDb(c.env.DB), c.get("resource").meetingId, voteId)) satisfies BallotList,
    );
  })
  .patch("/:id", ...onMeeting("meeting.manage"), validateJson(updateMeetingSchema), async (c) => {
    const found = c.get("resource");
    const input = c.req.valid("json");
    await updateMeeting(getDb(c.env.DB), found.group, found.record, input);
    await turnAwayGuests(c.env, found.record, input, c.get("identity").personId);
    // A meeting room already holding the plan takes the change in and shows it.
    await meetingStub(c.env, found.documentId).refresh();
    return c.json((await meetingView(c.env, found.meetingId, c.get("identity"))) satisfies MeetingView);
  });
