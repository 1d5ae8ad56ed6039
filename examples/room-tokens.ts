import type { WebsocketProvider } from "y-websocket";
import { closeReasonFromCode, roomCloseCodes } from "../worker/shared/rooms";

/**
 * Keeps a stock y-websocket provider connected to a samtal room. A room token opens one
 * connection, and the provider reconnects by itself with whatever `provider.params` holds:
 * so whenever a connection closes, a fresh token goes there. The provider waits 200 ms or
 * more before reconnecting; if the new token is not there yet, the room refuses the spent
 * one with 4402 (`token_expired`), and the next attempt has it. samtal's close codes (4000
 * and up, worker/shared/rooms.ts) say whether trying again can help; below 4000 it can.
 */
export function keepRoomTokensFresh(
  provider: WebsocketProvider,
  freshToken: () => Promise<string>,
  onTokenError: (error: unknown) => void = () => {},
): void {
  provider.shouldReconnect = (event) => {
    const reason = event.code >= 4000 ? closeReasonFromCode(event.code) : undefined;
    return reason ? roomCloseCodes[reason].retry : true;
  };
  provider.on("connection-close", () => {
    freshToken().then((token) => {
      provider.params.token = token;
    }, onTokenError);
  });
}
