import { getDb } from "../db/client";
import { failureDetail } from "../http/errors";
import { sendMeetingReminders } from "./calendar";

/**
 * The hourly Cron Trigger's meeting job: tomorrow's meetings' reminders. Links in a mail
 * need the web app's address, which a scheduled run has no request to take from:
 * PUBLIC_ORIGIN says it, and without it no reminder is claimed or sent (logged once a run).
 */
export async function runMeetingReminders(env: Env, now: number): Promise<number> {
  if (!env.PUBLIC_ORIGIN) {
    console.error(JSON.stringify({ event: "meeting_reminders_not_configured" }));
    return 0;
  }
  try {
    const sent = await sendMeetingReminders(env, getDb(env.DB), now, env.PUBLIC_ORIGIN);
    console.log(JSON.stringify({ event: "meeting_reminders", meetings: sent }));
    return sent;
  } catch (err) {
    console.error(JSON.stringify({ event: "meeting_reminders_failed", ...failureDetail(err) }));
    throw err;
  }
}
