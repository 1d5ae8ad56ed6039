import { closeReasonFromCode, type RoomCloseReason, roomCloseCodes } from "../../../worker/shared/rooms";

/**
 * The reconnect rules of a room connection, as pure functions: how long to wait before the
 * next attempt, and whether a closed socket should be reopened at all.
 */

export interface BackoffOptions {
  /** Delay ceiling of the first retry. */
  initialMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
}

/** 250 ms doubling to 10 s: quick after a blip, gentle on a room that is down. */
export const defaultBackoff: BackoffOptions = { initialMs: 250, maxMs: 10_000 };

/**
 * The wait before retry number `attempt` (0 for the first retry after a loss): the ceiling
 * doubles from `initialMs` up to `maxMs`, and the wait is a random point in its upper half
 * ("equal jitter"), so that hundreds of clients dropped at once by a restart do not all come
 * back in the same millisecond, while none retries sooner than half the ceiling.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = defaultBackoff,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Why a room connection ended for good: one of the room's close reasons whose `retry` is
 * false, `login_required` when no token can be had without a session, or `forbidden` when
 * the permission table does not let this person open the document.
 */
export type RoomEndReason = RoomCloseReason | "login_required" | "forbidden";

export function isRoomCloseReason(value: unknown): value is RoomCloseReason {
  return typeof value === "string" && Object.hasOwn(roomCloseCodes, value);
}

/**
 * Names the reason a socket closed: the room's `closing` control message if one came,
 * else the close code, else the close frame's reason text if it is one of ours.
 * Undefined for closes the room did not explain (a dropped network: 1006).
 */
export function closeReason(close: {
  code: number;
  reason?: string;
  announced?: RoomCloseReason | undefined;
}): RoomCloseReason | undefined {
  if (close.announced) return close.announced;
  return closeReasonFromCode(close.code) ?? (isRoomCloseReason(close.reason) ? close.reason : undefined);
}

export type CloseDecision =
  /** Do not reconnect on our own: the room would refuse again. */
  | { action: "stop"; reason: RoomCloseReason }
  /** Reconnect after `delayMs` (0: at once). */
  | { action: "retry"; reason: RoomCloseReason | undefined; delayMs: number };

/**
 * What to do after a socket closed. `attempt` counts retries since the last successful sync.
 * A reason whose `retry` is false stops; `token_expired` reconnects at once with a fresh
 * token (but backs off if it happens again before a sync, so a clock that is off cannot
 * make a loop); everything else, including closes with no reason at all, backs off.
 */
export function decideAfterClose(
  close: { code: number; reason?: string; announced?: RoomCloseReason | undefined },
  attempt: number,
  random: () => number = Math.random,
  backoff: BackoffOptions = defaultBackoff,
): CloseDecision {
  const reason = closeReason(close);
  if (reason && !roomCloseCodes[reason].retry) return { action: "stop", reason };
  if (reason === "token_expired" && attempt === 0) return { action: "retry", reason, delayMs: 0 };
  return { action: "retry", reason, delayMs: backoffDelay(attempt, random, backoff) };
}
