import { z } from "zod";
import { requirePermission } from "../access/middleware";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { type Validated, validate } from "../http/validate";
import { documentIdSchema } from "../shared/room-schemas";
import { type RoomCloseReason, roomCloseCodes } from "../shared/rooms";
import { liveStub } from "./address";
import { admitRoomToken } from "./admission";
import { roomTokenFor } from "./grant";
import { handoffRequest } from "./handoff";
import { liveDocument } from "./kinds";
import { recordRoomConnection } from "./revocation";
import { roomTokenSecret, verifyRoomToken } from "./token";

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

const documentParamSchema = z.object({ documentId: documentIdSchema });

function documentOfPath(c: Validated<"param", typeof documentParamSchema>) {
  return liveDocument(getDb(c.env.DB), c.req.valid("param").documentId);
}

/**
 * GET /api/rooms/:documentId?token=…[&control=1], a WebSocket upgrade. The token is
 * verified and spent here, and who it names is checked again (admission.ts), before any
 * Durable Object is touched; the room receives the verified claims in a header only the
 * Worker can set (rooms are not reachable from outside). A token opens one connection.
 * The path also works as y-websocket's `serverUrl + "/" + roomname`.
 */
export const roomRoutes = featureApp()
  /**
   * POST /api/rooms/:documentId/token: a room token for the logged-in person or guest, read
   * or write as the rows for the document's kind allow (worker/rooms/kinds.ts). An unknown
   * kind, or an id its kind cannot resolve, is refused like a document one may not open (403).
   */
  .post(
    "/:documentId/token",
    validate("param", documentParamSchema),
    requirePermission("document.read", documentOfPath),
    async (c) => {
      // requirePermission has asked document.read already: null here would be a broken table.
      const token = await roomTokenFor(c.env, c.get("identity"), c.get("resource"));
      if (!token) throw new ApiError(403, "forbidden");
      return c.json(token);
    },
  )
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
      const refusal = await admitRoomToken(c.env, check.claims);
      if (refusal) return refuse(refusal);

      if (check.claims.sid) await recordRoomConnection(c.env, check.claims.sid, documentId);
      return liveStub(c.env, documentId).fetch(
        handoffRequest(c.req.raw, { claims: check.claims, control: control === "1" }),
      );
    },
  );
