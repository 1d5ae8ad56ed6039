import { inArray } from "drizzle-orm";
import { type Db, getDb } from "../db/client";
import { liveStub } from "./address";
import { roomConnections } from "./schema";

/** Remembers that a session opened a document, for closeRoomsOfSessions. */
export async function recordRoomConnection(env: Env, sessionId: string, documentId: string): Promise<void> {
  await getDb(env.DB)
    .insert(roomConnections)
    .values({ sessionId, documentId, connectedAt: Date.now() })
    .onConflictDoUpdate({
      target: [roomConnections.sessionId, roomConnections.documentId],
      set: { connectedAt: Date.now() },
    });
}

/**
 * Closes every open room connection of these sessions (close code 4410, access_revoked),
 * within the time it takes to call each room. Used when a session ends, a membership ends
 * or a person is erased.
 */
export async function closeRoomsOfSessions(env: Env, sessionIds: string[]): Promise<number> {
  if (!sessionIds.length) return 0;
  const db = getDb(env.DB);
  const rows = await db
    .select({ documentId: roomConnections.documentId })
    .from(roomConnections)
    .where(inArray(roomConnections.sessionId, sessionIds));
  const documents = [...new Set(rows.map((r) => r.documentId))];
  const closed = await Promise.all(documents.map((id) => liveStub(env, id).closeSessions(sessionIds)));
  await db.delete(roomConnections).where(inArray(roomConnections.sessionId, sessionIds));
  return closed.reduce((sum, n) => sum + n, 0);
}

/**
 * Closes the open connections to these documents, so editors that held write tokens reconnect
 * and get what the table now allows (read-only once a motion or a group's answer is submitted).
 * One query for all of them; only rooms someone has open are called.
 */
export async function closeDocumentConnections(env: Env, db: Db, documentIds: string[]): Promise<void> {
  if (!documentIds.length) return;
  const open = await db
    .select({ sessionId: roomConnections.sessionId, documentId: roomConnections.documentId })
    .from(roomConnections)
    .where(inArray(roomConnections.documentId, documentIds));
  const sessionsByDocument = new Map<string, string[]>();
  for (const { documentId, sessionId } of open) {
    sessionsByDocument.set(documentId, [...(sessionsByDocument.get(documentId) ?? []), sessionId]);
  }
  await Promise.all(
    [...sessionsByDocument].map(([documentId, sessionIds]) =>
      liveStub(env, documentId).closeSessions(sessionIds),
    ),
  );
}
