import type { RoomLimits } from "../shared/rooms";

/**
 * Room limits and why they have these sizes.
 *
 * Documents: a motion or a meeting's minutes is tens of kilobytes. Loaded into a Y.Doc, a
 * document takes up to ~11x its encoded size in memory in the worst case we measured
 * (hundreds of thousands of single-character edits at random places; plain typing is far
 * below 1x). 4 MiB therefore loads in at most ~46 MiB, under half of the 128 MB isolate:
 * the 2x headroom a room needs for the encode buffers of joins and compaction. Measured by
 * `npm run bench -- document-memory`; figures in docs/benchmarks.md.
 *
 * Messages: the largest thing our own client legitimately sends is its whole offline
 * backlog in one sync step, which can never usefully exceed the document cap; so the
 * message cap is the document cap plus room for overhead. Above it the socket closes
 * with 1009.
 */
export const defaultRoomLimits: RoomLimits = {
  maxDocumentBytes: 4 * 1024 * 1024,
  maxMessageBytes: 6 * 1024 * 1024,
};

/** Control messages are tiny JSON; a large text frame is a broken or hostile client. */
export const maxControlMessageBytes = 4 * 1024;

/**
 * Per-connection rate limit (token bucket). A person typing fast sends ~15 updates/s,
 * a cursor 5–10/s; reconnect sync sends a handful. 300 messages of burst and 100/s
 * sustained never touch real use, and stop a runaway or hostile client from starving
 * the room.
 */
export const rateLimit = { burst: 300, perSecond: 100 };

/**
 * A token bucket per socket (in memory: after hibernation a socket starts full again, which
 * only forgives a burst). `take` answers whether the socket may send one more message now.
 */
export class SocketRateLimit {
  private readonly buckets = new WeakMap<WebSocket, { tokens: number; at: number }>();

  constructor(private readonly limit: { burst: number; perSecond: number }) {}

  take(ws: WebSocket, now = Date.now()): boolean {
    const { burst, perSecond } = this.limit;
    let bucket = this.buckets.get(ws);
    if (!bucket) {
      bucket = { tokens: burst, at: now };
      this.buckets.set(ws, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * A meeting participant's commands: a person asks to speak, answers a poll, votes, a chair
 * moves on, a few a second at most (a client script or a chair's tool a few dozen at once);
 * 100 of burst and 20/s sustained stop a runaway client from taking the room's turn from
 * hundreds of others.
 */
export const meetingCommandRateLimit = { burst: 100, perSecond: 20 };

/** Awareness: how many client ids one connection may own, and how big one state may be. */
export const awarenessLimits = { clientsPerConnection: 4, maxStateBytes: 2048, maxEntriesPerMessage: 16 };

/**
 * A room writes at most once per this interval: a change arriving sooner after the last
 * write waits for the rest of it, together with everything else that arrives meanwhile.
 * Typing (a room's edits tens of milliseconds apart) is written and sent at once; a burst
 * (a reconnecting client's backlog, a replay) becomes one commit per interval instead of
 * one per message. Measured in docs/benchmarks.md (b4-storage, edit-cost).
 */
export const writeCoalesceMs = 10;

/** Awareness changes are sent at most this often (coalesced), per room. */
export const awarenessFlushMs = 50;

/** Snapshot rows stay well under the 2 MB row limit of SQLite-backed Durable Objects. */
export const snapshotChunkBytes = 1024 * 1024;

/**
 * Compact when the log holds this many bytes and at least as many as the snapshot:
 * total bytes written stay within ~2x of the update bytes (each snapshot is paid for by
 * at least its own size in log), while loads never replay more than ~1 MB of log. Rooms
 * also compact when the last connection leaves (DocumentRoom.scheduleCompaction).
 */
export const compactionMinLogBytes = 512 * 1024;
