import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { findGroup } from "../access/groups";
import { requirePermission } from "../access/middleware";
import { auditStatement } from "../audit/log";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { type Validated, validate } from "../http/validate";
import { closeRoomsOfSessions } from "../rooms/revocation";
import { browsableKinds } from "../shared/org";
import { slugSchema } from "../shared/org-schemas";
import { withdrawInvitesNoLongerGiven } from "./guests";
import { memberships, sessions } from "./schema";

const membershipParamSchema = z.object({
  kind: z.enum(browsableKinds),
  slug: slugSchema,
  personId: z.string().min(1).max(64),
});

function groupOfPath(c: Validated<"param", typeof membershipParamSchema>) {
  const { kind, slug } = c.req.valid("param");
  return findGroup(getDb(c.env.DB), { kind, slug });
}

/**
 * DELETE /api/groups/:kind/:slug/members/:personId: ends a person's membership of a group
 * (every role she held there), as `members.manage` allows. Her open room connections close
 * at once; her clients reconnect with fresh tokens, which the permission table then judges
 * on what she still holds. The invites she may no longer give are withdrawn, and their
 * guests' sockets close.
 */
export const membershipRoutes = featureApp().delete(
  "/:kind/:slug/members/:personId",
  validate("param", membershipParamSchema),
  requirePermission("members.manage", groupOfPath),
  async (c) => {
    const identity = c.get("identity");
    const { groupId } = c.get("resource");
    const { personId } = c.req.valid("param");
    const db = getDb(c.env.DB);
    const held = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.personId, personId), eq(memberships.groupId, groupId)));
    if (!held.length) throw new ApiError(404, "not_found");
    await db.batch([
      db.delete(memberships).where(and(eq(memberships.personId, personId), eq(memberships.groupId, groupId))),
      auditStatement(db, {
        actorId: identity.personId,
        action: "membership.ended",
        subjectType: "person",
        subjectId: personId,
        details: { groupId, roles: held.length },
      }),
    ]);
    const sessionIds = (
      await db.select({ id: sessions.publicId }).from(sessions).where(eq(sessions.personId, personId))
    ).map((s) => s.id);
    await closeRoomsOfSessions(c.env, sessionIds);
    await withdrawInvitesNoLongerGiven(c.env, personId, identity.personId);
    return c.body(null, 204);
  },
);
