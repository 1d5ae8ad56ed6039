import { expect } from "vitest";
import type { ConsultationInputBody } from "../../worker/shared/consultation-schemas";
import type { ConsultationView } from "../../worker/shared/consultations";
import { api, env, errorBody } from "./helpers";
import { cookies, json, post } from "./motions-fixtures";

/**
 * What the consultation tests share: requests as demo people (cookies from motions-fixtures'
 * setUp), a consultation written and published through the real routes, and a snapshot of
 * every consultation table to prove that a refusal changed nothing.
 *
 * Demo roles used: Astrid (national administrator, the national office), Bengt (chair of
 * Göteborg's branch), Cecilia (board member there, not chair), Ida and Hanna (members
 * there), David (secretary of Stockholm's branch), Elin (chair of the Norrbotten district),
 * Farid (member in Kiruna, in Norrbotten), Karin (chair of the Göteborg district).
 */

export const day = 24 * 60 * 60 * 1000;

/** A person of the tests' own (after the demo seed): `role` in the branch `slug`. */
export async function addPerson(id: string, name: string, role: string, branch: string): Promise<void> {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT OR IGNORE INTO people (id, name, email, created_at) VALUES (?, ?, ?, ?)").bind(
      id,
      name,
      `${id.replace("demo-", "")}@samtal.example`,
      now,
    ),
    env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (person_id, group_id, role, created_at) SELECT ?, id, ?, ? FROM groups WHERE kind = 'branch' AND slug = ?",
    ).bind(id, role, now, branch),
  ]);
}

/** The subjects of the development outbox's mail to `to`, oldest first. */
export async function outbox(to: string): Promise<string[]> {
  const rows = await env.DB.prepare('SELECT subject FROM dev_outbox WHERE "to" = ? ORDER BY id')
    .bind(to)
    .all<{
      subject: string;
    }>();
  return rows.results.map((r) => r.subject);
}

export function put(path: string, person: string, body: unknown): Promise<Response> {
  return api(path, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Cookie: cookies.get(person) ?? "" },
    body: JSON.stringify(body),
  });
}

/** A consultation asking every branch of the Göteborg and Norrbotten districts, open now for a week. */
export function input(overrides: Partial<ConsultationInputBody> = {}): ConsultationInputBody {
  const now = Date.now();
  return {
    title: "Rådslag om välfärden",
    introduction: "Vad tycker ni om **välfärden**?",
    questions: [
      { kind: "open", prompt: "Vad är viktigast i er kommun?" },
      { kind: "single", prompt: "Vilken fråga först?", options: ["Skola", "Vård", "Jobb"], comment: true },
      { kind: "scale", prompt: "Hur nöjda är ni?", scale: { min: 1, max: 5 } },
    ],
    audience: {
      kinds: ["branch"],
      districts: ["goteborg", "norrbotten"],
      individuals: false,
      individualsVisibleToGroup: false,
    },
    opensAt: now - 60_000,
    closesAt: now + 7 * day,
    ...overrides,
  };
}

export async function created(
  asker = "demo-astrid",
  body = input(),
  group = "national:national",
): Promise<ConsultationView> {
  return json<ConsultationView>(await post(`/api/consultations?group=${group}`, asker, body), 201);
}

export async function published(
  asker = "demo-astrid",
  body = input(),
  group = "national:national",
): Promise<ConsultationView> {
  const draft = await created(asker, body, group);
  return json<ConsultationView>(await post(`/api/consultations/${draft.id}/publish`, asker));
}

const tables = [
  "consultations",
  "consultation_questions",
  "consultation_groups",
  "consultation_answers",
  "consultation_answer_items",
  "consultation_individual_answers",
  "consultation_tags",
  "consultation_taggings",
  "consultation_quotes",
];

/** Every consultation table's rows, to prove that a refusal changed nothing. */
export async function stored() {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = (await env.DB.prepare(`SELECT * FROM ${table}`).all()).results;
  return rows;
}

/** Asserts a refusal: its status and code, and that D1 holds exactly what it held before. */
export async function refused(request: () => Promise<Response>, status: number, code: string) {
  const before = await stored();
  const res = await request();
  expect(res.status, await res.clone().text()).toBe(status);
  expect((await errorBody(res)).code).toBe(code);
  expect(await stored()).toEqual(before);
}
