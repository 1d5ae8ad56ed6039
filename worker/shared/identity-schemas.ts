import { z } from "zod";
import { documentIdSchema } from "./room-schemas";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "a valid e-mail address" }));

export const loginRequestSchema = z.object({ email: emailSchema });

/** Log-in links carry 32 random bytes, base64url: 43 characters. */
export const loginTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a log-in link token");
export const verifyLoginSchema = z.object({ token: loginTokenSchema });

export const sessionIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const createInviteSchema = z.object({
  documentId: documentIdSchema,
  /** Days the link stays valid; a week by default, at most a month. */
  days: z.number().int().min(1).max(31).default(7),
});

export const acceptInviteSchema = z.object({
  token: loginTokenSchema,
  name: z.string().trim().min(1).max(80),
});

export const inviteIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** `GET /api/invites`: the invites she made (`mine`), or those others made that she may withdraw (`managed`). */
export const inviteListQuerySchema = z.object({ scope: z.enum(["mine", "managed"]).default("mine") });
