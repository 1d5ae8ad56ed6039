import { and, eq, isNull } from "drizzle-orm";
import { requirePerson } from "../access/middleware";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { allowAttempt } from "../http/rate-limit";
import { randomSecret, sha256 } from "../http/secrets";
import { validateJson } from "../http/validate";
import { sendMail } from "../mail/mailer";
import { closeRoomsOfSessions } from "../rooms/revocation";
import type { LoginRequested } from "../shared/identity";
import { loginRequestSchema, verifyLoginSchema } from "../shared/identity-schemas";
import { loadMe } from "./me";
import { loginLinks, people } from "./schema";
import { clearSessionCookie, revokeSession, startSession } from "./sessions";

const linkLifetimeMs = 15 * 60 * 1000;
const perAddress = { limit: 30, windowSeconds: 3600 };
const perEmail = { limit: 5, windowSeconds: 3600 };

function loginMail(name: string, link: string) {
  return {
    subject: "Din inloggningslänk till samtal / Your samtal log-in link",
    text: `Hej ${name}!

Klicka på länken för att logga in på samtal. Den gäller i 15 minuter och fungerar en gång:
${link}

Bad du inte om att logga in? Då kan du strunta i det här mejlet.

---
Click the link to log in to samtal. It is valid for 15 minutes and works once.
If you did not ask to log in, ignore this e-mail.`,
  };
}

/**
 * E-mail log-in without passwords. Requesting a link always gets the same answer, whether
 * or not the address belongs to a member, so the form cannot be used to find out who is
 * one; the mail is sent after the response, so timing does not tell either. The link
 * carries its token in the fragment (#), which browsers never send to a server, and the
 * page posts it: mail scanners that open links cannot spend it.
 */
export const authRoutes = featureApp()
  .post("/login", validateJson(loginRequestSchema), async (c) => {
    const { email } = c.req.valid("json");
    const db = getDb(c.env.DB);
    const address = c.req.header("CF-Connecting-IP") ?? "local";
    const [addressOk, emailOk] = await Promise.all([
      allowAttempt(db, `login:address:${address}`, perAddress),
      allowAttempt(db, `login:email:${email}`, perEmail),
    ]);
    if (!addressOk || !emailOk) throw new ApiError(429, "too_many_attempts");

    const [person] = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.email, email), isNull(people.erasedAt)))
      .limit(1);
    if (person) {
      const token = randomSecret();
      const now = Date.now();
      await db.insert(loginLinks).values({
        tokenHash: await sha256(token),
        personId: person.id,
        createdAt: now,
        expiresAt: now + linkLifetimeMs,
      });
      const link = `${new URL(c.req.url).origin}/login/verify#token=${token}`;
      c.executionCtx.waitUntil(sendMail(c.env, { to: email, ...loginMail(person.name ?? "", link) }));
    }
    return c.json({ status: "sent_if_registered" } satisfies LoginRequested, 202);
  })
  .post("/verify", validateJson(verifyLoginSchema), async (c) => {
    const db = getDb(c.env.DB);
    const tokenHash = await sha256(c.req.valid("json").token);
    const [link] = await db.select().from(loginLinks).where(eq(loginLinks.tokenHash, tokenHash)).limit(1);
    if (!link) throw new ApiError(400, "login_link_invalid");
    if (link.usedAt !== null) throw new ApiError(400, "login_link_used");
    if (link.expiresAt <= Date.now()) throw new ApiError(400, "login_link_expired");
    // Spend the link first; of two simultaneous uses only one changes the row.
    const spent = await db
      .update(loginLinks)
      .set({ usedAt: Date.now() })
      .where(and(eq(loginLinks.tokenHash, tokenHash), isNull(loginLinks.usedAt)));
    if (spent.meta.changes !== 1) throw new ApiError(400, "login_link_used");
    const me = await loadMe(db, link.personId);
    if (!me) throw new ApiError(400, "login_link_invalid");
    await startSession(c, link.personId);
    return c.json(me);
  })
  .post("/logout", requirePerson, async (c) => {
    const { personId, sessionId } = c.get("identity");
    await revokeSession(getDb(c.env.DB), personId, sessionId);
    await closeRoomsOfSessions(c.env, [sessionId]);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
