import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  type AnswerVersion,
  type ConsultationView,
  consultationLimits,
  type Workspace,
} from "../../worker/shared/consultations";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import type { RoomPeer } from "../support/room-peer";
import { input, published, put, refused } from "./consultations-fixtures";
import { api, env } from "./helpers";
import { cookies, get, json, post, setUp } from "./motions-fixtures";
import { joinWithSession } from "./rooms";

/**
 * Answering together, through real requests, real rooms and real D1: two members of
 * Göteborg's branch write the answer live, its chair submits, reopens and resubmits, and
 * every bad input of the issue is refused with nothing changed.
 */

let open: ConsultationView;
const workspace = (c: ConsultationView, group = "branch:goteborg") =>
  `/api/consultations/${c.id}/groups/${group}`;
const tokenFor = (documentId: string, person: string) =>
  api(`/api/rooms/${encodeURIComponent(documentId)}/token`, {
    method: "POST",
    headers: { Cookie: cookies.get(person) ?? "" },
  });

/** Appends a paragraph to the peer's copy of the document's rich text; the room sends it on. */
function typeParagraph(peer: RoomPeer, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = peer.doc.getXmlFragment("default");
  fragment.insert(fragment.length, [paragraph]);
}
const textOf = (peer: RoomPeer) => peer.doc.getXmlFragment("default").toString();

beforeAll(async () => {
  await setUp([
    "demo-astrid",
    "demo-bengt",
    "demo-cecilia",
    "demo-ida",
    "demo-hanna",
    "demo-david",
    "demo-farid",
  ]);
  open = await published();
});

describe("answering together", () => {
  it("two members write live, the chair submits a frozen version, reopens and resubmits; every version is kept", async () => {
    const [openQuestion, choiceQuestion, scaleQuestion] = open.questions.map((q) => q.id) as [
      number,
      number,
      number,
    ];
    const before = await json<Workspace>(await get(workspace(open), "demo-ida"));
    expect(before.status).toBe("none");
    expect(before.can).toEqual(["consultation.write"]);
    const documentId = before.documents.find((d) => d.questionId === openQuestion)?.documentId ?? "";
    expect(before.documents.find((d) => d.questionId === scaleQuestion)?.documentId).toBeNull();

    const ida = await joinWithSession(documentId, cookies.get("demo-ida") ?? "");
    const hanna = await joinWithSession(documentId, cookies.get("demo-hanna") ?? "");
    typeParagraph(ida, "Bostäder åt unga");
    typeParagraph(hanna, "Fler vårdcentraler");
    await ida.waitFor(() => textOf(ida).includes("vårdcentraler"), 5000, "Hanna's words");
    await hanna.waitFor(() => textOf(hanna).includes("unga"), 5000, "Ida's words");

    await json<Workspace>(
      await put(`${workspace(open)}/choices`, "demo-ida", {
        choices: [
          { questionId: choiceQuestion, choices: [1] },
          { questionId: scaleQuestion, value: 4 },
        ],
      }),
    );
    const submitted = await json<Workspace>(await post(`${workspace(open)}/submit`, "demo-bengt"));
    expect(submitted.status).toBe("submitted");
    expect(submitted.can).toEqual(["consultation.submit"]);
    const first = submitted.latest as AnswerVersion;
    expect(first.number).toBe(1);
    expect(first.submittedBy).toEqual({ id: "demo-bengt", name: "Bengt Olsson" });
    const openText = first.items.find((i) => i.questionId === openQuestion)?.text ?? "";
    expect(openText).toContain("Bostäder åt unga");
    expect(openText).toContain("Fler vårdcentraler");
    expect(first.items.find((i) => i.questionId === choiceQuestion)?.choices).toEqual([1]);
    expect(first.items.find((i) => i.questionId === scaleQuestion)?.value).toBe(4);

    // Submitted: the live text is the working copy, now read-only for the members.
    expect((await ida.closed).code).toBeGreaterThanOrEqual(4000);
    hanna.close();
    const token = (await (await tokenFor(documentId, "demo-ida")).json()) as RoomTokenResponse;
    expect(token.mode).toBe("read");
    // The asking level reads what was submitted, never the live text.
    expect((await tokenFor(documentId, "demo-astrid")).status).toBe(403);

    await refused(
      () => post(`${workspace(open)}/submit`, "demo-bengt"),
      409,
      "consultation_already_submitted",
    );

    const reopened = await json<Workspace>(await post(`${workspace(open)}/reopen`, "demo-bengt"));
    expect(reopened.status).toBe("reopened");
    const again = await joinWithSession(documentId, cookies.get("demo-hanna") ?? "");
    typeParagraph(again, "Och kollektivtrafik");
    await again.waitFor(() => textOf(again).includes("kollektivtrafik"));
    again.close();
    const second = await json<Workspace>(await post(`${workspace(open)}/submit`, "demo-bengt"));
    expect(second.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(second.latest?.items.find((i) => i.questionId === openQuestion)?.text).toContain(
      "kollektivtrafik",
    );
    const kept = await json<AnswerVersion>(await get(`${workspace(open)}/versions/1`, "demo-ida"));
    expect(kept).toEqual(first);
    // The record cannot be rewritten, even from inside.
    await expect(env.DB.prepare("UPDATE consultation_answer_items SET text = 'x'").run()).rejects.toThrow(
      /immutable/,
    );
  });

  it("refuses a choice outside the options, a scale value off the scale and an unknown question", async () => {
    const c = await published();
    const [first, single, scale] = c.questions.map((q) => q.id) as [number, number, number];
    const choices = (choice: unknown) => () =>
      put(`${workspace(c)}/choices`, "demo-ida", { choices: [choice] });
    await refused(
      // A question of another consultation.
      choices({ questionId: open.questions[1]?.id, choices: [0] }),
      422,
      "consultation_unknown_question",
    );
    await refused(choices({ questionId: single, choices: [3] }), 422, "consultation_invalid_choice");
    await refused(choices({ questionId: single, choices: [0, 1] }), 422, "consultation_invalid_choice");
    await refused(choices({ questionId: scale, value: 6 }), 422, "consultation_invalid_choice");
    await refused(choices({ questionId: first, choices: [0] }), 422, "consultation_invalid_choice");
  });

  it("refuses submitting for a group one does not chair, one not asked, and after the deadline", async () => {
    const c = await published();
    // Ida is a member and Cecilia sits on the board: neither chairs nor keeps the minutes.
    await refused(() => post(`${workspace(c)}/submit`, "demo-ida"), 403, "forbidden");
    await refused(() => post(`${workspace(c)}/submit`, "demo-cecilia"), 403, "forbidden");
    // Farid is not in Göteborg's branch.
    await refused(() => post(`${workspace(c)}/submit`, "demo-farid"), 403, "forbidden");
    // Stockholm is not asked: its secretary gets the reason.
    await refused(
      () => post(`${workspace(c, "branch:stockholm")}/submit`, "demo-david"),
      403,
      "consultation_not_asked",
    );
    await refused(() => get(workspace(c, "branch:stockholm"), "demo-david"), 403, "consultation_not_asked");

    await env.DB.prepare("UPDATE consultations SET closes_at = ? WHERE id = ?")
      .bind(Date.now() - 1, c.id)
      .run();
    await refused(() => post(`${workspace(c)}/submit`, "demo-bengt"), 409, "consultation_closed");
    await refused(() => put(`${workspace(c)}/choices`, "demo-ida", { choices: [] }), 403, "forbidden");
    const closed = await json<Workspace>(await get(workspace(c), "demo-ida"));
    expect(closed.consultation.phase).toBe("closed");
    expect(closed.can).toEqual([]);
  });

  it("keeps members' own answers to themselves unless the consultation shows them to the group", async () => {
    const audience = {
      kinds: ["branch" as const],
      districts: ["goteborg"],
      individuals: true,
      individualsVisibleToGroup: false,
    };
    const hidden = await published("demo-astrid", input({ audience }));
    const [q] = hidden.questions;
    await json<Workspace>(
      await put(`${workspace(hidden)}/individual`, "demo-ida", {
        items: [{ questionId: q?.id, text: "Min egen tanke" }],
      }),
    );
    const hers = await json<Workspace>(await get(workspace(hidden), "demo-ida"));
    expect(hers.mine?.items[0]?.text).toBe("Min egen tanke");
    const other = await json<Workspace>(await get(workspace(hidden), "demo-hanna"));
    expect(other.mine).toBeNull();
    expect(other.others).toEqual([]);

    const shown = await published(
      "demo-astrid",
      input({ audience: { ...audience, individualsVisibleToGroup: true } }),
    );
    await json<Workspace>(
      await put(`${workspace(shown)}/individual`, "demo-ida", {
        items: [{ questionId: shown.questions[0]?.id, text: "Synlig" }],
      }),
    );
    const seen = await json<Workspace>(await get(workspace(shown), "demo-hanna"));
    expect(seen.others.map((o) => [o.person.id, o.items[0]?.text])).toEqual([["demo-ida", "Synlig"]]);
    // A consultation without individual answers refuses them.
    await refused(() => put(`${workspace(open)}/individual`, "demo-ida", { items: [] }), 403, "forbidden");
  });

  it("takes a consultation with as many questions as allowed, its rows split below D1's 100 bound values a statement", async () => {
    const questions = Array.from({ length: consultationLimits.questions }, (_, i) => ({
      kind: "single" as const,
      prompt: `Fråga ${i + 1}`,
      options: ["Ja", "Nej"],
      comment: true,
    }));
    const many = await published("demo-astrid", input({ questions }));
    expect(many.questions).toHaveLength(consultationLimits.questions);
    const submitted = await json<Workspace>(await post(`${workspace(many)}/submit`, "demo-bengt"));
    expect(submitted.latest?.items).toHaveLength(consultationLimits.questions);
  });
});
