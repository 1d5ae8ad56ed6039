import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { findGroup, groupResource } from "../access/groups";
import type { ConsultationResource, WorkspaceResource } from "../access/permissions";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { memberships } from "../identity/schema";
import { groups } from "../org/schema";
import { type AskableKind, phaseOf } from "../shared/consultations";
import { consultationGroups, consultations } from "./schema";

/**
 * A consultation as the permission table judges it, with the row the handlers work on;
 * null if there is none. `personId` is whoever asks (her asked groups become `askedAmong`).
 */
export async function findConsultation(db: Db, consultationId: number, personId: string | null) {
  const [[record], districts, among] = await db.batch([
    db.select().from(consultations).where(eq(consultations.id, consultationId)),
    db
      .selectDistinct({ id: consultationGroups.districtId })
      .from(consultationGroups)
      .where(
        and(eq(consultationGroups.consultationId, consultationId), isNotNull(consultationGroups.districtId)),
      ),
    db
      .select({ id: consultationGroups.groupId })
      .from(consultationGroups)
      .where(
        and(
          eq(consultationGroups.consultationId, consultationId),
          inArray(
            consultationGroups.groupId,
            db
              .select({ id: memberships.groupId })
              .from(memberships)
              .where(eq(memberships.personId, personId ?? "")),
          ),
        ),
      ),
  ]);
  const asker = record && (await findGroup(db, { id: record.askerGroupId }));
  if (!record || !asker) return null;
  return {
    type: "consultation",
    consultationId: record.id,
    asker,
    phase: phaseOf(record, Date.now()),
    askedDistrictIds: districts.map((d) => d.id as number),
    askedAmong: [...new Set(among.map((g) => g.id))],
    record,
  } satisfies ConsultationResource & { record: typeof record };
}

export type FoundConsultation = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;
export type ConsultationRecord = FoundConsultation["record"];

/** What the workspace's routes share as their `documentId`: the prefix of its documents. */
export function workspacePrefix(consultationId: number, groupId: number): string {
  return `consultation-answer:${consultationId}-${groupId}`;
}

/**
 * An asked group's workspace, by the group's id or its kind and slug. Null when the
 * consultation or the group does not exist, or the consultation is still a draft (to the
 * groups it does not exist yet). A published consultation that does not ask the group is
 * refused with `consultation_not_asked` (403): its existence is no secret once published.
 */
export async function findWorkspace(
  db: Db,
  consultationId: number,
  group: { id: number } | { kind: AskableKind; slug: string },
  documentId?: string,
) {
  // Separate reads, no join: D1's batch answers rows as objects, so equal column names would collide.
  const groupWhere =
    "id" in group ? eq(groups.id, group.id) : and(eq(groups.kind, group.kind), eq(groups.slug, group.slug));
  const [[record], [target], [asked]] = await db.batch([
    db.select().from(consultations).where(eq(consultations.id, consultationId)),
    db.select({ id: groups.id, kind: groups.kind }).from(groups).where(groupWhere),
    db
      .select()
      .from(consultationGroups)
      .where(
        and(
          eq(consultationGroups.consultationId, consultationId),
          inArray(consultationGroups.groupId, db.select({ id: groups.id }).from(groups).where(groupWhere)),
        ),
      ),
  ]);
  if (!record || !target || record.publishedAt === null) return null;
  if (!asked) throw new ApiError(403, "consultation_not_asked");
  return {
    type: "consultation_workspace",
    documentId: documentId ?? workspacePrefix(record.id, target.id),
    consultationId: record.id,
    group: await groupResource(db, target),
    phase: phaseOf(record, Date.now()),
    submitted: asked.latestVersion > 0 && !asked.reopened,
    individuals: JSON.parse(record.audience).individuals === true,
    record,
    asked,
  } satisfies WorkspaceResource & { record: ConsultationRecord; asked: typeof asked };
}

export type FoundWorkspace = NonNullable<Awaited<ReturnType<typeof findWorkspace>>>;
