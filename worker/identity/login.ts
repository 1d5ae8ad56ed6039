import { and, eq, isNull } from "drizzle-orm";
import { requirePerson } from "../access/middleware";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError, failureDetail } from "../http/errors";
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
/** Per client address: the only limit a requester can notice, the same for every e-mail address. */
const perClient = { limit: 30, windowSeconds: 3600 };
/**
 * Per member: how many links her inbox gets, so that nobody can flood it. Past the limit a
 * request still answers 202 and only the mail is not sent. The window is the links'
 * lifetime, so whenever a request of hers goes unmailed, her inbox already holds a link
 * sent in this window and still valid: nobody else's requests can lock her out.
 */
const perMember = { limit: 3, windowSeconds: linkLifetimeMs / 1000 };

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

/** The rate-limit key of a member's log-in mail; erasure deletes its counter. */
export const loginMailLimitKey = (email: string) => `login:email:${email}`;

/**
 * How long the member-specific work waits after the response. The runtime writes the
 * response from the same thread that runs this work, so work started at once would delay
 * it, for members only: locally, where D1's SQLite runs in the same process, by 4–10 ms
 * (the login-timing benchmark). A member's mail is not noticeably later for it.
 */
const afterResponseMs = 25;

/**
 * Everything that depends on whether the address is a member's, done after the response:
 * the lookup, the per-member limit, the link and the mail. Counters exist only for members
 * (nobody else is mailed, so nobody else needs one), and a limit reached only means no mail.
 */
async function mailLoginLink(env: Env, email: string, origin: string): Promise<void> {
  await scheduler.wait(afterResponseMs);
  const db = getDb(env.DB);
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.email, email), isNull(people.erasedAt)))
    .limit(1);
  if (!person) return;
  if (!(await allowAttempt(db, loginMailLimitKey(email), perMember))) return;
  const token = randomSecret();
  const now = Date.now();
  await db.insert(loginLinks).values({
    tokenHash: await sha256(token),
    personId: person.id,
    createdAt: now,
    expiresAt: now + linkLifetimeMs,
  });
  await sendMail(env, {
    to: email,
    ...loginMail(person.name ?? "", `${origin}/login/verify#token=${token}`),
  });
}

/**
 * E-mail log-in without passwords. Requesting a link gets the same answer, by the same
 * path, whether or not the address belongs to a member: the response waits only for the
 * per-client limit, and all the work that differs for a member (mailLoginLink) runs after
 * it, so neither the answer nor its timing tells who is one, and no number of requests
 * for her address from elsewhere can lock her out. The link carries its token in the
 * fragment (#), which browsers never send to a server, and the page posts it: mail
 * scanners that open links cannot spend it.
 */
export const authRoutes = featureApp()
  .post("/login", validateJson(loginRequestSchema), async (c) => {
    const { email } = c.req.valid("json");
    const client = c.req.header("CF-Connecting-IP") ?? "local";
    if (!(await allowAttempt(getDb(c.env.DB), `login:address:${client}`, perClient))) {
      throw new ApiError(429, "too_many_attempts");
    }
    c.executionCtx.waitUntil(
      mailLoginLink(c.env, email, new URL(c.req.url).origin).catch((err: unknown) =>
        console.error(JSON.stringify({ event: "login_mail_failed", ...failureDetail(err) })),
      ),
    );
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
