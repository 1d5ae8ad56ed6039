import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import { call, client } from "../api/client";
import { takeRoomTokenHeadStart } from "./headStart";

/**
 * A room token asked for before the room's code has arrived (see ./preload.ts; on a cold open
 * the head start has asked already), handed to the room's first connect. Apart from
 * preload.ts, which loads the writer that takes it.
 */

const tokens = new Map<string, Promise<RoomTokenResponse>>();

/** A token good for at least this long still opens the room (it lives 5 minutes). */
const tokenMarginSeconds = 60;

type TokenRequest = ReturnType<(typeof client.api.rooms)[":documentId"]["token"]["$post"]>;

/**
 * Takes the token the page's head start (./headStart.ts) asked for with the motion's answer,
 * else asks, once the head start has read that answer (so never twice); a head start that
 * got no answer is asked anew.
 */
export function startRoomToken(documentId: string): void {
  const ask = () => client.api.rooms[":documentId"].token.$post({ param: { documentId } });
  const started = takeRoomTokenHeadStart(documentId);
  // The same route's answer, fetched without hc: hc's response type is a typed view of it.
  const token = call(
    started ? (started.then<unknown, unknown>((response) => response ?? ask(), ask) as TokenRequest) : ask(),
  );
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
