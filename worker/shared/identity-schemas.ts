import { z } from "zod";

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
