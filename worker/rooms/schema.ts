import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Which session has connected to which document, so that ending a session (log-out,
 * "end this session", erasure) can reach the rooms holding its sockets and close them.
 * Written on connect; rows are removed when the session ends, stale ones cost one no-op call.
 */
export const roomConnections = sqliteTable(
  "room_connections",
  {
    sessionId: text("session_id").notNull(),
    documentId: text("document_id").notNull(),
    connectedAt: integer("connected_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.documentId] }),
    index("room_connections_document").on(t.documentId),
  ],
);
