import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import { call, client } from "../api/client";

/**
 * A room token asked for before the room's code has arrived (see ./preload.ts), handed to the
 * room's first connect. (A cold open's first editor has the one the page came with.) Apart
 * from preload.ts, which loads the writer that takes it.
 */

const tokens = new Map<string, Promise<RoomTokenResponse>>();

/** A token good for at least this long still opens the room (it lives 5 minutes). */
const tokenMarginSeconds = 60;

/** Asks for a room token for `documentId` now, for the room's first connect to take. */
export function startRoomToken(documentId: string): void {
  const token = call(client.api.rooms[":documentId"].token.$post({ param: { documentId } }));
  // A refusal shows when the room asks for its own token; this one is only a head start.
  token.catch(() => undefined);
  tokens.set(documentId, token);
}

/**
 * The token started for `documentId`, once, when it came and has time left; otherwise
 * `fresh()`, which also gives the reasons a token is refused.
 */
export async function takeRoomToken(
  documentId: string,
  fresh: () => Promise<RoomTokenResponse>,
): Promise<RoomTokenResponse> {
  const started = tokens.get(documentId);
  tokens.delete(documentId);
  const token = await started?.catch(() => undefined);
  return token && token.expiresAt - Date.now() / 1000 > tokenMarginSeconds ? token : fresh();
}
