import { z } from "zod";
import { currentIdentity } from "../access/identity";
import { authorize } from "../access/permissions";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { validate } from "../http/validate";
import { documentIdSchema } from "../shared/room-schemas";
import { type RoomCloseReason, type RoomMode, roomCloseCodes } from "../shared/rooms";
import { handoffRequest, roomStub } from "./address";
import { recordRoomConnection } from "./revocation";
import { issueRoomToken, roomTokenSecret, verifyRoomToken } from "./token";

/**
 * Accepts the socket in the Worker only to close it with a reason a browser can read:
 * a failed upgrade shows up in browsers as a bare 1006, with no way to tell "log in
 * again" from "network down".
 */
function refuse(reason: RoomCloseReason): Response {
  const { 0: client, 1: server } = new WebSocketPair();
  server.accept();
  server.close(roomCloseCodes[reason].code, reason);
  return new Response(null, { status: 101, webSocket: client });
}

/**
 * GET /api/rooms/:documentId?token=…[&control=1], a WebSocket upgrade. The token is
 * verified here, before any Durable Object is touched; the room receives the verified
 * claims in a header only the Worker can set (rooms are not reachable from outside).
 * The path also works as y-websocket's `serverUrl + "/" + roomname`.
 */
export const roomRoutes = featureApp()
  /**
   * POST /api/rooms/:documentId/token: a room token for the logged-in person, read or
   * write as the permission table allows (worker/access/permissions.ts).
   */
  .post("/:documentId/token", validate("param", z.object({ documentId: documentIdSchema })), async (c) => {
    const identity = await currentIdentity(c);
    if (identity.kind === "anonymous") throw new ApiError(401, "not_logged_in");
    const { documentId } = c.req.valid("param");
    const resource = { type: "document", documentId } as const;
    const mode: RoomMode | null = authorize(identity, "document.write", resource)
      ? "write"
      : authorize(identity, "document.read", resource)
        ? "read"
        : null;
    if (!mode) throw new ApiError(403, "forbidden");
    const sub = identity.kind === "member" ? identity.personId : identity.guestId;
    return c.json(
      await issueRoomToken(c.env, {
        doc: documentId,
        sub,
        name: identity.name,
        mode,
        sid: identity.sessionId,
      }),
    );
  })
  .get(
    "/:documentId",
    validate("param", z.object({ documentId: documentIdSchema })),
    validate(
      "query",
      z.object({ token: z.string().min(1).max(4096), control: z.enum(["0", "1"]).optional() }),
    ),
    async (c) => {
      if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") throw new ApiError(426, "upgrade_required");
      const secret = roomTokenSecret(c.env);
      if (!secret) throw new ApiError(503, "service_unavailable");
      const { documentId } = c.req.valid("param");
      const { token, control } = c.req.valid("query");
      const check = await verifyRoomToken(token, secret, documentId);
      if (!check.ok) return refuse(check.reason);

      if (check.claims.sid) await recordRoomConnection(c.env, check.claims.sid, documentId);
      return roomStub(c.env, documentId).fetch(
        handoffRequest(c.req.raw, { claims: check.claims, control: control === "1" }),
      );
    },
  );
