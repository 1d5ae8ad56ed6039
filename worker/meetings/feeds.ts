import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { randomSecret, sha256 } from "../http/secrets";
import { people } from "../identity/schema";
import type { CalendarFeed } from "../shared/meetings";
import { calendarFeeds } from "./schema";

/**
 * A person's calendar feed: an unguessable address that calendar apps poll without a
 * session (they have none). Only a hash of its token is kept; a new feed revokes her old
 * one, and she can revoke it outright.
 */

export function feedUrl(origin: string, token: string): string {
  return `${origin}/api/meetings/calendar/${token}.ics`;
}

export async function createFeed(
  db: Db,
  personId: string,
  origin: string,
  now = Date.now(),
): Promise<CalendarFeed> {
  const token = randomSecret();
  await db.batch([
    db
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt))),
    db.insert(calendarFeeds).values({ tokenHash: await sha256(token), personId, createdAt: now }),
  ]);
  return { url: feedUrl(origin, token), createdAt: now };
}

export async function revokeFeeds(db: Db, personId: string, now = Date.now()): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
}

/** The person whose feed this token is; null for a token that opens nothing. */
export async function feedOwner(db: Db, token: string): Promise<string | null> {
  const [feed] = await db
    .select({ personId: calendarFeeds.personId })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, await sha256(token)),
        isNull(calendarFeeds.revokedAt),
        isNull(people.erasedAt),
      ),
    );
  return feed?.personId ?? null;
}
