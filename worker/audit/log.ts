import type { Db } from "../db/client";
import { auditLog } from "./schema";

/** What administrative actions are recorded. Add one here before logging it. */
export type AuditAction =
  | "members.import"
  | "membership.ended"
  | "person.erased"
  | "invite.created"
  | "invite.revoked"
  | "motion.submitted"
  | "motion.treated"
  | "motion.forwarded"
  | "motion.amendment_decided"
  | "consultation.published"
  | "consultation.submitted"
  | "consultation.reopened"
  | "consultation.feedback";

export interface AuditEntry {
  /** The person who acted (a person id), or null for the system. */
  actorId: string | null;
  action: AuditAction;
  subjectType: "person" | "import" | "invite" | "motion" | "consultation";
  subjectId: string;
  /** Counts and ids only: never names, e-mail addresses or message content. */
  details?: Record<string, string | number | boolean | null>;
}

/** The statement that records an entry, to put in the same batch as the change it records. */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: Date.now(),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: JSON.stringify(entry.details ?? {}),
  });
}
