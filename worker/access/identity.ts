import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { getDb } from "../db/client";
import { memberships, people } from "../db/schema";
import type { AppEnv } from "../http/app";
import type { Identity } from "../http/identity";

/** Who is asking, from the sessions the session middlewares found: a person's wins over a guest's. */
export async function currentIdentity(c: Context<AppEnv>): Promise<Identity> {
  const session = c.get("session");
  if (!session) {
    const guest = c.get("guestSession");
    return guest
      ? {
          kind: "guest",
          guestId: guest.guestId,
          sessionId: guest.publicId,
          name: guest.name,
          documentId: guest.documentId,
        }
      : { kind: "anonymous" };
  }
  const db = getDb(c.env.DB);
  const [[person], grants] = await db.batch([
    db
      .select({ name: people.name })
      .from(people)
      .where(and(eq(people.id, session.personId), isNull(people.erasedAt))),
    db
      .select({ groupId: memberships.groupId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.personId, session.personId)),
  ]);
  if (!person?.name) return { kind: "anonymous" };
  return {
    kind: "person",
    personId: session.personId,
    sessionId: session.publicId,
    name: person.name,
    grants,
  };
}
