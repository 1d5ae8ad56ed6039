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

/**
 * Room token ids that have opened a connection: a token opens one, so a replayed token (a
 * copy from a URL log, say) is refused. A row is needed only while its token could still
 * be accepted, so the schedule (worker/retention/purge.ts) deletes it once the token has expired.
 */
export const spentRoomTokens = sqliteTable(
  "spent_room_tokens",
  {
    jti: text("jti").primaryKey(),
    /** The token's expiry, in milliseconds like every other time here. */
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("spent_room_tokens_expires").on(t.expiresAt)],
);
