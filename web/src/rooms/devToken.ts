import type { RoomMode, RoomTokenResponse } from "../../../worker/shared/rooms";
import { locale } from "../i18n";
import { RoomTokenError } from "./RoomConnection";

export interface DevRoomTokenRequest {
  documentId: string;
  name: string;
  mode: RoomMode;
}

/**
 * A room token from the development-only endpoint (`POST /api/dev/room-token`), until log-in
 * exists. A Worker without development mode answers 404: shared documents then need log-in.
 */
export async function fetchDevRoomToken(request: DevRoomTokenRequest): Promise<RoomTokenResponse> {
  let response: Response;
  try {
    response = await fetch("/api/dev/room-token", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Accept-Language": locale(),
      },
      body: JSON.stringify(request),
    });
  } catch {
    throw new RoomTokenError("unreachable");
  }
  if (response.status === 404) throw new RoomTokenError("refused", "login_required");
  // Our request was refused as invalid (an id or a name the API does not accept): it would be again.
  if (response.status === 400) throw new RoomTokenError("refused", "token_invalid");
  if (!response.ok) throw new RoomTokenError("failed");
  try {
    return (await response.json()) as RoomTokenResponse;
  } catch {
    throw new RoomTokenError("failed");
  }
}
