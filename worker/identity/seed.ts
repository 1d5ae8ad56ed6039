import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { z } from "zod";
import type { Db } from "../db/client";
import { roles } from "../shared/identity";
import { groupKinds } from "../shared/org";
import { memberships, people } from "./schema";
import peopleJson from "./seed/people.json";

const demoPeopleSchema = z.object({
  people: z.array(
    z.object({
      id: z.string().regex(/^demo-[a-z]+$/),
      name: z.string().min(1),
      email: z.email(),
      summary: z.string(),
      roles: z.array(z.object({ kind: z.enum(groupKinds), slug: z.string(), role: z.enum(roles) })),
    }),
  ),
});

export const demoPeople = demoPeopleSchema.parse(peopleJson).people;

/** Demo people in several roles across the demo groups. Idempotent, like the organisation seed. */
export async function seedDemoPeople(db: Db): Promise<number> {
  const now = Date.now();
  const statements: BatchItem<"sqlite">[] = demoPeople.flatMap((person) => [
    db
      .insert(people)
      .values({ id: person.id, name: person.name, email: person.email, createdAt: now })
      .onConflictDoUpdate({
        target: people.id,
        set: { name: person.name, email: person.email, erasedAt: null },
      }),
    ...person.roles.map((r) =>
      db
        .insert(memberships)
        .values({
          personId: person.id,
          groupId: sql`(SELECT id FROM groups WHERE kind = ${r.kind} AND slug = ${r.slug})`,
          role: r.role,
          createdAt: now,
        })
        .onConflictDoNothing(),
    ),
  ]);
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return demoPeople.length;
}
