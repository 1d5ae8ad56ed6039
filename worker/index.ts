import { Hono } from "hono";
import { auditRoutes } from "./audit/routes";
import { runConsultationMail } from "./consultations/mail";
import { consultationRoutes } from "./consultations/routes";
import { devRoutes } from "./dev/routes";
import { healthRoutes } from "./health/routes";
import type { AppEnv } from "./http/app";
import { csrfProtection } from "./http/csrf";
import { onError, onNotFound } from "./http/errors";
import { localeMiddleware } from "./http/locale";
import { setSecurityHeaders } from "./http/security-headers";
import { guestRoutes, guestSessionMiddleware, inviteRoutes } from "./identity/guests";
import { authRoutes } from "./identity/login";
import { meRoutes } from "./identity/me";
import { membershipRoutes } from "./identity/memberships";
import { oidcRoutes } from "./identity/oidc/routes";
import { privacyRoutes } from "./identity/privacy";
import { sessionMiddleware } from "./identity/sessions";
import { deliverMail } from "./mail/delivery";
import { runMeetingReminders } from "./meetings/reminders";
import { meetingRoutes } from "./meetings/routes";
import { memberRoutes } from "./members/routes";
import { motionPageRoutes } from "./motions/page";
import { motionRoutes } from "./motions/routes";
import { orgRoutes } from "./org/routes";
import { runPurgeJobs } from "./retention/purge";
import { roomRoutes } from "./rooms/routes";

/**
 * The Worker. Static files (the web app) are served by the assets layer before this code
 * runs; only /api/* and /motions/* reach it (wrangler.toml: run_worker_first). Each feature
 * is a sub-app mounted under its own path.
 */
export const app = new Hono<AppEnv>()
  // A motion's page, with its data inline (worker/motions/page.ts). First, so that none of
  // the middleware below touches it: it answers every /motions/* path itself, with the
  // assets layer's response as it is where it has nothing to add.
  .route("/motions", motionPageRoutes)
  // The same security headers as the static assets (worker/http/security-headers.ts).
  // WebSocket upgrades are skipped: a 101 response from a Durable Object has immutable headers.
  .use(async (c, next) => {
    await next();
    if (!c.req.header("Upgrade")) setSecurityHeaders(c.res.headers);
  })
  .use(localeMiddleware)
  .use("/api/*", csrfProtection)
  .use("/api/*", sessionMiddleware)
  .use("/api/*", guestSessionMiddleware)
  .route("/api/health", healthRoutes)
  .route("/api/auth", authRoutes)
  .route("/api/auth", oidcRoutes)
  .route("/api/me/data", privacyRoutes)
  .route("/api/me", meRoutes)
  .route("/api/invites", inviteRoutes)
  .route("/api/guest", guestRoutes)
  .route("/api/audit", auditRoutes)
  .route("/api/groups", membershipRoutes)
  .route("/api/meetings", meetingRoutes)
  .route("/api/members", memberRoutes)
  .route("/api/motions", motionRoutes)
  .route("/api/consultations", consultationRoutes)
  .route("/api/org", orgRoutes)
  .route("/api/rooms", roomRoutes)
  .route("/api/dev", devRoutes);

app.onError(onError);
app.notFound(onNotFound);

export type AppType = typeof app;

export { MeetingRoom } from "./meetings/live/MeetingRoom";
export { DocumentRoom } from "./rooms/DocumentRoom";

export default {
  fetch: app.fetch,
  // The Cron Trigger in wrangler.toml: deletes what has outlived its purpose (worker/retention/),
  // mails the reminders of tomorrow's meetings and the consultation mail that has come due;
  // one failing does not stop the others.
  async scheduled(_controller, env) {
    const now = Date.now();
    const runs = await Promise.allSettled([
      runPurgeJobs(env, now),
      runMeetingReminders(env, now),
      runConsultationMail(env, now),
    ]);
    const failed = runs.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  },
  // The mail queue's consumer (wrangler.toml): writes and sends what features queued, retrying a failed send.
  queue: deliverMail,
} satisfies ExportedHandler<Env>;
