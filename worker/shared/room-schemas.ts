import { z } from "zod";
import { documentIdLength, documentIdPattern, type RoomClientMessage, roomModes } from "./rooms";

/** Validators for the room contract in rooms.ts (kept apart so the web bundle needs no zod). */

export const documentIdSchema = z
  .string()
  .min(documentIdLength.min)
  .max(documentIdLength.max)
  .regex(documentIdPattern, "feature prefix, a colon and an id of letters, digits, - and _");

export const roomTokenClaimsSchema = z.object({
  doc: documentIdSchema,
  sub: z.string().min(1).max(128),
  name: z.string().trim().min(1).max(80),
  guest: z.literal(true).optional(),
  mode: z.enum(roomModes),
  exp: z.number().int().positive(),
  sid: z.string().max(64).optional(),
  jti: z.string().min(16).max(64),
});

/** Anything a client sends in a text frame that does not match closes its connection. */
export const roomClientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ping"), id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
]) satisfies z.ZodType<RoomClientMessage>;
