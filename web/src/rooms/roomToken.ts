import type { RoomTokenResponse } from "../../../worker/shared/rooms";
import { call, client, failedWith } from "../api/client";
import { RoomTokenError } from "./RoomConnection";

/**
 * A room token for the next connection, from the session of whoever is asking, a member's
 * or a guest's (`POST /api/rooms/:id/token`): nobody logged in is told to log in, someone
 * the permission table refuses is told so, and neither is asked again.
 */
export async function fetchRoomToken(documentId: string): Promise<RoomTokenResponse> {
  try {
    return await call(client.api.rooms[":documentId"].token.$post({ param: { documentId } }));
  } catch (error) {
    if (failedWith(error, 0)) throw new RoomTokenError("unreachable");
    if (failedWith(error, 401)) throw new RoomTokenError("refused", "login_required");
    if (failedWith(error, 403)) throw new RoomTokenError("refused", "forbidden");
    throw new RoomTokenError("failed");
  }
}
