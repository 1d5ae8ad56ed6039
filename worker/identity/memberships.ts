import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { currentIdentity, groupPath } from "../access/identity";
import { authorize } from "../access/permissions";
import { auditStatement } from "../audit/log";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { validate } from "../http/validate";
import { groups } from "../org/schema";
import { closeRoomsOfSessions } from "../rooms/revocation";
import { browsableKinds } from "../shared/org";
import { slugSchema } from "../shared/org-schemas";
import { memberships, sessions } from "./schema";

/**
 * DELETE /api/groups/:kind/:slug/members/:personId: ends a person's membership of a group
 * (every role she held there), for the group's welcome officer or a national
 * administrator. Her open room connections close at once; her clients reconnect with
 * fresh tokens, which the permission table then judges on what she still holds.
 */
export const membershipRoutes = featureApp().delete(
  "/:kind/:slug/members/:personId",
  validate(
    "param",
    z.object({
      kind: z.enum(browsableKinds),
      slug: slugSchema,
      personId: z.string().min(1).max(64),
    }),
  ),
  async (c) => {
    const identity = await currentIdentity(c);
    if (identity.kind !== "member") throw new ApiError(401, "not_logged_in");
    const { kind, slug, personId } = c.req.valid("param");
    const db = getDb(c.env.DB);
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.kind, kind), eq(groups.slug, slug)));
    if (!group) throw new ApiError(404, "not_found");
    const resource = { type: "group", groupId: group.id, path: await groupPath(db, group.id) } as const;
    if (!authorize(identity, "members.manage", resource)) throw new ApiError(403, "forbidden");

    const held = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.personId, personId), eq(memberships.groupId, group.id)));
    if (!held.length) throw new ApiError(404, "not_found");
    await db.batch([
      db
        .delete(memberships)
        .where(and(eq(memberships.personId, personId), eq(memberships.groupId, group.id))),
      auditStatement(db, {
        actorId: identity.personId,
        action: "membership.ended",
        subjectType: "person",
        subjectId: personId,
        details: { groupId: group.id, roles: held.length },
      }),
    ]);
    const sessionIds = (
      await db.select({ id: sessions.publicId }).from(sessions).where(eq(sessions.personId, personId))
    ).map((s) => s.id);
    await closeRoomsOfSessions(c.env, sessionIds);
    return c.body(null, 204);
  },
);
