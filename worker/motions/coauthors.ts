import { and, asc, eq, inArray, isNull, notInArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberships, people } from "../identity/schema";
import type { CoauthorCandidate } from "../shared/motions";
import { motionAuthors } from "./schema";

const candidateLimit = 20;

/** LIKE's wildcards escaped, so a typed "%" or "_" matches itself. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/**
 * Who the motion's authors may invite to write it (pick by name): members of its group who
 * do not write it yet and have not erased themselves, whose name or a later word of it starts
 * with `q`. Names only, no addresses: the authors see each other's names on the motion anyway.
 */
export function coauthorCandidates(
  db: Db,
  motion: { id: number; groupId: number },
  q: string,
): Promise<CoauthorCandidate[]> {
  const authors = db
    .select({ id: motionAuthors.personId })
    .from(motionAuthors)
    .where(eq(motionAuthors.motionId, motion.id));
  return membersNamed(db, [motion.groupId], q, authors);
}

/**
 * Members of any of these groups, not erased, whose name or a later word of it starts with
 * `q`, at most 20, by name; less those `excluding` picks. How a form picks a person by name
 * (a motion's co-authors, a meeting's officers).
 */
export async function membersNamed(
  db: Db,
  groupIds: number[],
  q: string,
  excluding?: SQLWrapper,
): Promise<CoauthorCandidate[]> {
  const rows = await db
    .selectDistinct({ id: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        inArray(memberships.groupId, groupIds),
        isNull(people.erasedAt),
        excluding ? notInArray(people.id, excluding) : undefined,
        q ? sql`${people.name} LIKE ${containing(q)} ESCAPE '\\'` : undefined,
      ),
    )
    .orderBy(asc(people.name))
    .limit(candidateLimit * 4);
  // A later word too ("Ahm" finds Cecilia Ahmadi), case-folded the way people type.
  const wanted = q.toLocaleLowerCase("sv");
  return rows
    .filter((r): r is CoauthorCandidate => r.name !== null)
    .filter(
      (r) =>
        !wanted ||
        r.name
          .toLocaleLowerCase("sv")
          .split(/\s+/u)
          .some((w) => w.startsWith(wanted)),
    )
    .slice(0, candidateLimit);
}
