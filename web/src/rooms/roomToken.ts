import type { RoomMode, RoomTokenResponse } from "../../../worker/shared/rooms";
import { locale } from "../i18n";
import { RoomTokenError } from "./RoomConnection";

export interface RoomTokenRequest {
  documentId: string;
  /** Used only by the development endpoint; a session's token carries the person's name. */
  name: string;
  /** Asked of the development endpoint; with a session the permission table decides. */
  mode: RoomMode;
}

async function post(url: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Accept-Language": locale(),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new RoomTokenError("unreachable");
  }
}

async function read(response: Response): Promise<RoomTokenResponse> {
  try {
    return (await response.json()) as RoomTokenResponse;
  } catch {
    throw new RoomTokenError("failed");
  }
}

/**
 * A room token for the next connection. A logged-in person's comes from her session
 * (`POST /api/rooms/:id/token`). Without a session, a development Worker hands one out to
 * anyone (`POST /api/dev/room-token`); a deployed Worker answers 404 there: log in.
 */
export async function fetchRoomToken(request: RoomTokenRequest): Promise<RoomTokenResponse> {
  const fromSession = await post(`/api/rooms/${encodeURIComponent(request.documentId)}/token`);
  if (fromSession.ok) return read(fromSession);
  if (fromSession.status === 403) throw new RoomTokenError("refused", "forbidden");
  if (fromSession.status !== 401) throw new RoomTokenError("failed");

  const fromDevelopment = await post("/api/dev/room-token", request);
  if (fromDevelopment.status === 404) throw new RoomTokenError("refused", "login_required");
  // Our request was refused as invalid (an id or a name the API does not accept): it would be again.
  if (fromDevelopment.status === 400) throw new RoomTokenError("refused", "token_invalid");
  if (!fromDevelopment.ok) throw new RoomTokenError("failed");
  return read(fromDevelopment);
}
