import type { RoomMode, RoomTokenResponse } from "../../../worker/shared/rooms";
import { call, client, failedWith } from "../api/client";
import { RoomTokenError } from "./RoomConnection";

export interface RoomTokenRequest {
  documentId: string;
  /** Used only by the development endpoint; a session's token carries the person's name. */
  name: string;
  /** Asked of the development endpoint; with a session the permission table decides. */
  mode: RoomMode;
}

/**
 * A room token for the next connection. A logged-in person's comes from her session
 * (`POST /api/rooms/:id/token`). Without a session, a development Worker hands one out to
 * anyone (`POST /api/dev/room-token`); a deployed Worker answers 404 there: log in.
 */
export async function fetchRoomToken(request: RoomTokenRequest): Promise<RoomTokenResponse> {
  try {
    return await call(
      client.api.rooms[":documentId"].token.$post({ param: { documentId: request.documentId } }),
    );
  } catch (error) {
    if (failedWith(error, 0)) throw new RoomTokenError("unreachable");
    if (failedWith(error, 403)) throw new RoomTokenError("refused", "forbidden");
    if (!failedWith(error, 401)) throw new RoomTokenError("failed");
  }
  try {
    return await call(client.api.dev["room-token"].$post({ json: request }));
  } catch (error) {
    if (failedWith(error, 0)) throw new RoomTokenError("unreachable");
    if (failedWith(error, 404)) throw new RoomTokenError("refused", "login_required");
    // Our request was refused as invalid (an id or a name the API does not accept): it would be again.
    if (failedWith(error, 400)) throw new RoomTokenError("refused", "token_invalid");
    throw new RoomTokenError("failed");
  }
}
