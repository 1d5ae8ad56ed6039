import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Administrative actions (imports, role changes, erasures): who, what, when. Never message
 * content. `actorId` and `subjectId` are person ids, which stay as pseudonyms when a
 * person is erased (their name and e-mail are gone from every table).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** JSON with counts and ids only. */
    details: text("details").notNull().default("{}"),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_subject").on(t.subjectType, t.subjectId)],
);
