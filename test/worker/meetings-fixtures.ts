import { expect } from "vitest";
import type { CreateMeeting } from "../../worker/shared/meeting-schemas";
import type { MeetingView } from "../../worker/shared/meetings";
import { api, env, logInAs, postJson } from "./helpers";

/**
 * People for the meeting tests, in Göteborg's branch: Bengt chairs the branch (he plans),
 * Cecilia sits on its board, Hanna and Ivar are plain members added here, and David is a
 * member elsewhere (Stockholm), to whom Göteborg's meetings do not exist.
 */
export const meetingPeople = ["demo-bengt", "demo-cecilia", "demo-hanna", "demo-ivar", "demo-david"] as const;
export type MeetingPerson = (typeof meetingPeople)[number];

export async function addMeetingPeople(): Promise<Map<string, string>> {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT OR IGNORE INTO people (id, name, email, created_at) VALUES ('demo-hanna', 'Hanna Test', 'hanna@samtal.example', ?), ('demo-ivar', 'Ivar Test', 'ivar@samtal.example', ?)",
    ).bind(now, now),
    env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (person_id, group_id, role, created_at) SELECT p.id, g.id, 'member', ? FROM groups g, (SELECT 'demo-hanna' AS id UNION SELECT 'demo-ivar') p WHERE g.kind = 'branch' AND g.slug = 'goteborg'",
    ).bind(now),
  ]);
  const cookies = new Map<string, string>();
  for (const id of meetingPeople) cookies.set(id, await logInAs(id));
  return cookies;
}

/** A Stockholm wall-clock time `days` from now, as the form sends it. */
export function localTime(days: number, hour = 18): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:00`;
}

/** Plans a meeting in Göteborg's branch as `cookie` (Bengt's by default) and returns it. */
export async function planMeeting(cookie: string, input: Partial<CreateMeeting> = {}): Promise<MeetingView> {
  const res = await postJson(
    "/api/meetings?group=branch:goteborg",
    {
      title: "Medlemsmöte",
      startsAt: localTime(2),
      endsAt: localTime(2, 20),
      access: "members",
      ...input,
    },
    cookie,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as MeetingView;
}

export function getAs(path: string, cookie: string | undefined) {
  return api(path, cookie ? { headers: { Cookie: cookie } } : undefined);
}
