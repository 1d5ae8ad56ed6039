import { evictDurableObject } from "cloudflare:test";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { meetingStub } from "../../worker/rooms/address";
import { documentToText, loadDocument } from "../../worker/rooms/documents";
import type { BallotList, MeetingView, MinutesVersion } from "../../worker/shared/meetings";
import { acceptInvite, api, createInvite, env, errorBody, postJson } from "./helpers";
import { addMeetingPeople, getAs, joinMeeting, type MeetingClient, planMeeting } from "./meetings-fixtures";
import { sessionRoomToken } from "./rooms";

/**
 * The live meeting room through real sockets, as demo people: Bengt chairs, Cecilia, Hanna
 * and Ivar are members of Göteborg's branch, a guest comes by an invite link. Every
 * refusal the issue lists ("Bad input") is sent, answered with an error frame, and shown
 * to have changed nothing.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

/** The shared state a client last got, without its version: what a refusal must leave alone. */
const shared = async (client: MeetingClient) => JSON.stringify(await client.view());

async function start(meeting: MeetingView, chair: MeetingClient) {
  await chair.command({ type: "meeting.open" });
  expect(chair.state?.meeting.state).toBe("open");
  expect(chair.state?.meeting.currentItemId).toBe(meeting.agenda[0]?.id);
}

describe("an open meeting with a guest", () => {
  let meeting: MeetingView;
  let bengt: MeetingClient;
  let hanna: MeetingClient;
  let guest: MeetingClient;
  let inviteId: string;

  beforeAll(async () => {
    meeting = await planMeeting(as("demo-bengt"), {
      title: "Samtal om skolan",
      access: "open",
      template: "conversation",
    });
    const invite = await createInvite(as("demo-bengt"), meeting.documentId);
    const { cookie } = await acceptInvite(invite.token, "Gäst Gunnel");
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    guest = await joinMeeting(meeting.id, cookie);
    inviteId = invite.id;
    // The guest's invite opens the meeting's notes too, and nothing else.
    const notes = meeting.agenda[0]?.notesDocumentId ?? "";
    expect(await sessionRoomToken(notes, cookie)).toBeTruthy();
    await start(meeting, bengt);
  });

  it("lists everyone present, the guest marked, with no vote in a meeting that decides nothing", async () => {
    await hanna.next("participant", (f) => f.participant.name === "Gäst Gunnel", 0);
    const people = [...hanna.participants.values()];
    expect(people.map((p) => p.name).sort()).toEqual(["Bengt Olsson", "Gäst Gunnel", "Hanna Test"]);
    expect(people.find((p) => p.guest)?.name).toBe("Gäst Gunnel");
    expect(people.every((p) => !p.votingRight && p.present)).toBe(true);
    expect(guest.you).toMatchObject({ guest: true, votingRight: false, officer: [] });
    expect(bengt.you?.officer).toEqual(["chair"]);
  });

  it("moves through the agenda at the chair's word, and every screen follows", async () => {
    const second = meeting.agenda[1]?.id ?? 0;
    const from = guest.frames.length;
    await bengt.command({ type: "agenda.goto", itemId: second });
    await guest.next("state", (f) => f.meeting.currentItemId === second, from);
    expect((await hanna.view()).currentItemId).toBe(second);

    // A participant acting as chair changes nothing anyone sees.
    const before = await shared(bengt);
    await hanna.refused({ type: "agenda.goto", itemId: meeting.agenda[0]?.id ?? 0 }, "meeting_not_allowed");
    await guest.refused({ type: "speakers.close" }, "meeting_not_allowed");
    await hanna.command({ type: "sync" });
    expect(await shared(hanna)).toBe(before);
  });

  it("orders speakers: a point of order first, first-time speakers before repeat ones, replies at once", async () => {
    await hanna.command({ type: "speaker.request", kind: "speech" });
    await bengt.command({ type: "speaker.next" });
    expect((await bengt.view()).speakers?.current).toMatchObject({ name: "Hanna Test", kind: "speech" });
    const current = (await bengt.view()).speakers?.current;
    expect(current?.seconds).toBe(180);
    expect(current?.startedAt).toBeGreaterThan(Date.now() - 10_000);

    await hanna.command({ type: "speaker.request", kind: "speech" });
    await guest.command({ type: "speaker.request", kind: "speech" });
    await bengt.command({ type: "speaker.request", kind: "reply" });
    await guest.command({ type: "speaker.request", kind: "order" });
    const queue = (await bengt.view()).speakers?.queue ?? [];
    expect(queue.map((e) => [e.name, e.kind, e.firstOnItem])).toEqual([
      ["Gäst Gunnel", "order", true],
      ["Bengt Olsson", "reply", true],
      ["Gäst Gunnel", "speech", true],
      ["Hanna Test", "speech", false],
    ]);
    expect(queue[1]?.replyTo).toBe("demo-hanna");

    // A reply to one's own speech, or a counter-reply by someone not replied to, is refused.
    await hanna.refused({ type: "speaker.request", kind: "reply" }, "meeting_reply_not_possible");
    await guest.refused({ type: "speaker.request", kind: "counter_reply" }, "meeting_reply_not_possible");
    // Hanna, replied to, may answer.
    await hanna.command({ type: "speaker.request", kind: "counter_reply" });
    expect((await bengt.view()).speakers?.queue.map((e) => e.kind)).toEqual([
      "order",
      "reply",
      "counter_reply",
      "speech",
      "speech",
    ]);

    // Turning first-time priority off leaves speeches in the order they were asked for.
    await bengt.command({ type: "settings.update", settings: { firstTimeSpeakersFirst: false } });
    // Kept in D1 too: the meeting's page shows the rules in force, the group's next meeting starts from them.
    const planned = (await (
      await getAs(`/api/meetings/${meeting.id}`, as("demo-hanna"))
    ).json()) as MeetingView;
    expect(planned.settings.firstTimeSpeakersFirst).toBe(false);
    await hanna.command({ type: "speaker.request", kind: "fact" });
    expect((await bengt.view()).speakers?.queue.map((e) => e.kind)).toEqual([
      "order",
      "fact",
      "reply",
      "counter_reply",
      "speech",
      "speech",
    ]);
  });

  it("gives the chair each person's speaking time and the split of first and repeat speeches", async () => {
    await bengt.command({ type: "speaker.next" });
    await bengt.command({ type: "speaker.stop" });
    const stats = bengt.you?.stats;
    expect(stats?.firstTimeSpeeches).toBe(1);
    expect(stats?.perPerson.map((p) => p.name).sort()).toEqual(["Gäst Gunnel", "Hanna Test"]);
    expect(hanna.you?.stats).toBeNull();
  });

  it("closes the list with streck i debatten: no new speeches, points of order still", async () => {
    await bengt.command({ type: "speakers.announce_closing" });
    expect((await bengt.view()).speakers?.state).toBe("announced");
    // During the window people still sign up.
    await guest.command({
      type: "speaker.withdraw",
      entryId: (await bengt.view()).speakers?.queue.find((e) => e.kind === "speech" && e.guest)?.id ?? 0,
    });
    await guest.command({ type: "speaker.request", kind: "speech" });
    await bengt.command({ type: "speakers.close" });
    expect((await bengt.view()).speakers?.state).toBe("closed");
    const before = await shared(bengt);
    await bengt.refused({ type: "speaker.request", kind: "speech" }, "meeting_list_closed");
    expect(await shared(bengt)).toBe(before);
    await hanna.command({ type: "speaker.request", kind: "order" });
    expect((await bengt.view()).speakers?.queue.some((e) => e.kind === "order" && !e.guest)).toBe(true);
  });

  it("takes a quick poll the guest answers; an answer out of range changes nothing", async () => {
    await bengt.command({
      type: "poll.open",
      question: "Hur känns förslaget?",
      kind: "temperature",
      options: [],
    });
    const poll = (await bengt.view()).polls.at(-1);
    expect(poll).toMatchObject({ kind: "temperature", options: ["1", "2", "3", "4", "5"], open: true });
    const pollId = poll?.id ?? 0;
    await guest.command({ type: "poll.answer", pollId, choices: [4] });
    expect(guest.you?.pollAnswers[pollId]).toEqual([4]);
    await hanna.command({ type: "poll.answer", pollId, choices: [2] });
    await bengt.command({ type: "sync" });
    expect((await bengt.view()).polls.find((p) => p.id === pollId)).toMatchObject({
      answered: 2,
      counts: [0, 0, 1, 0, 1],
    });
    const before = await shared(bengt);
    await guest.refused({ type: "poll.answer", pollId, choices: [5] }, "meeting_choice_out_of_range");
    await guest.refused({ type: "poll.answer", pollId, choices: [1, 2] }, "meeting_choice_out_of_range");
    await bengt.command({ type: "sync" });
    expect(await shared(bengt)).toBe(before);
    await bengt.command({ type: "poll.close", pollId });
    await guest.refused({ type: "poll.answer", pollId, choices: [1] }, "meeting_poll_closed");
  });

  it("holds no votes and records no decisions: it is open to guests", async () => {
    await bengt.refused(
      { type: "vote.open", question: "Bifall?", options: ["Ja", "Nej"], secret: true },
      "meeting_members_only",
    );
    await bengt.refused({ type: "decision.record", text: "Beslutades" }, "meeting_members_only");
  });

  it("refuses a flood of commands from one socket one by one, without closing it", async () => {
    const from = hanna.frames.length;
    for (let i = 0; i < 150; i++) hanna.send({ type: "sync" });
    await hanna.next("error", (f) => f.code === "too_many_attempts", from);
    // The socket stays open: after a pause her commands are taken again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await hanna.command({ type: "sync" });
  });

  it("answers a malformed or oversized frame with an error, changing nothing", async () => {
    const before = await shared(bengt);
    await bengt.refused("not json", "meeting_bad_command");
    await bengt.refused({ type: "agenda.goto", itemId: "x" }, "meeting_bad_command");
    await bengt.refused({ type: "launch.rockets" }, "meeting_bad_command");
    await bengt.refused(
      { type: "poll.open", question: "x".repeat(9000), kind: "single", options: [] },
      "meeting_bad_command",
    );
    await bengt.command({ type: "sync" });
    expect(await shared(bengt)).toBe(before);
  });

  it("closes the guest's socket at once when her invite is withdrawn", async () => {
    const res = await api(`/api/invites/${inviteId}`, {
      method: "DELETE",
      headers: { Cookie: as("demo-bengt") },
    });
    expect(res.status).toBe(204);
    expect(await guest.closed).toEqual({ code: 4410, reason: "access_revoked" });
    await hanna.next("participant", (f) => f.participant.guest && !f.participant.present, 0);
  });
});

describe("a members-only meeting that decides", () => {
  let meeting: MeetingView;
  let bengt: MeetingClient;
  let cecilia: MeetingClient;
  let hanna: MeetingClient;
  let ivar: MeetingClient;
  let voteId: number;
  const receipts = new Map<string, string>();

  beforeAll(async () => {
    meeting = await planMeeting(as("demo-bengt"), {
      title: "Medlemsmöte med beslut",
      template: "board",
      officers: { secretary: "demo-cecilia", adjusters: ["demo-hanna"] },
    });
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    cecilia = await joinMeeting(meeting.id, as("demo-cecilia"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    ivar = await joinMeeting(meeting.id, as("demo-ivar"));
  });

  it("lets no guest in: an invite to it cannot even be made", async () => {
    const res = await getAs(`/api/meetings/${meeting.id}`, as("demo-bengt"));
    expect(((await res.json()) as MeetingView).can).not.toContain("meeting.invite");
    await expect(createInvite(as("demo-bengt"), meeting.documentId)).rejects.toThrow("HTTP 403");
  });

  it("refuses every command but the opening before the chair opens it", async () => {
    await hanna.refused({ type: "speaker.request", kind: "speech" }, "meeting_not_open");
    await hanna.refused({ type: "meeting.open" }, "meeting_not_allowed");
    await start(meeting, bengt);
  });

  it("checks members with a vote in as they come, and takes the roll from the memberships", async () => {
    expect(hanna.you).toMatchObject({ votingRight: true, checkedIn: true });
    const roll = await env.DB.prepare(
      "SELECT person_id, voting_right, checked_in FROM meeting_roll WHERE meeting_id = ? ORDER BY person_id",
    )
      .bind(meeting.id)
      .all<{ person_id: string; voting_right: number; checked_in: number }>();
    const checkedIn = roll.results.filter((r) => r.checked_in).map((r) => r.person_id);
    expect(checkedIn).toEqual(["demo-bengt", "demo-cecilia", "demo-hanna", "demo-ivar"]);
  });

  it("holds a secret vote: each voter once, only those with a vote, a receipt to find her ballot", async () => {
    // Ivar checks himself out before the vote: he is not on the roll it counts.
    await ivar.command({ type: "roll.check", checkedIn: false });
    expect(ivar.you?.checkedIn).toBe(false);
    await bengt.command({ type: "agenda.goto", itemId: meeting.agenda[4]?.id ?? 0 });
    await hanna.refused(
      { type: "vote.open", question: "x", options: ["Ja", "Nej"], secret: true },
      "meeting_not_allowed",
    );
    await bengt.command({
      type: "vote.open",
      question: "Bifall till förslaget?",
      options: ["Ja", "Nej", "Avstår"],
      secret: true,
    });
    const vote = (await bengt.view()).votes.at(-1);
    expect(vote).toMatchObject({ open: true, secret: true, eligible: 3, voted: 0, counts: null });
    voteId = vote?.id ?? 0;
    // Closing the meeting waits for the vote: refused with its own reason, the meeting still open.
    await bengt.refused({ type: "meeting.close" }, "meeting_close_vote_open");
    expect((await bengt.view()).state).toBe("open");
    await bengt.refused({ type: "vote.cast", voteId, choices: [3] }, "meeting_choice_out_of_range");
    await bengt.refused({ type: "vote.cast", voteId, choices: [0, 1] }, "meeting_choice_out_of_range");

    for (const [client, choice] of [
      [bengt, 0],
      [cecilia, 0],
      [hanna, 1],
    ] as const) {
      const from = client.frames.length;
      client.send({ type: "vote.cast", voteId, choices: [choice] });
      const receipt = await client.next("vote.receipt", () => true, from);
      expect(receipt.receipt).toMatch(/^[A-Za-z0-9_-]{10}$/);
      receipts.set(client.you?.participantId ?? "", receipt.receipt);
      await client.next("you", (f) => f.you.votedIn.includes(voteId), from);
    }
    await bengt.next("tally", (f) => f.voteId === voteId && f.voted === 3);

    const stored = async () => ({
      voters: (await env.DB.prepare("SELECT * FROM meeting_voters WHERE vote_id = ?").bind(voteId).all())
        .results,
      ballots: (await env.DB.prepare("SELECT * FROM meeting_ballots WHERE vote_id = ?").bind(voteId).all())
        .results,
    });
    const before = await stored();
    await hanna.refused({ type: "vote.cast", voteId, choices: [0] }, "meeting_already_voted");
    await ivar.refused({ type: "vote.cast", voteId, choices: [0] }, "meeting_no_vote_right");
    expect(await stored()).toEqual(before);
  });

  it("stores who voted apart from what, with nothing that links them", async () => {
    const columns = async (table: string) =>
      (await env.DB.prepare(`PRAGMA table_info(${table})`).all<{ name: string }>()).results.map(
        (c) => c.name,
      );
    expect(await columns("meeting_ballots")).toEqual(["vote_id", "receipt", "choices"]);
    expect(await columns("meeting_voters")).toEqual(["vote_id", "person_id"]);
    // No hidden rowid that would keep the order of insertion.
    for (const table of ["meeting_ballots", "meeting_voters"]) {
      const sql = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE name = ?")
        .bind(table)
        .first<{ sql: string }>();
      expect(sql?.sql).toMatch(/WITHOUT ROWID/);
    }
    // Stored in key order: ballots by receipt, whatever order they were cast in.
    const ballots = (
      await env.DB.prepare("SELECT receipt FROM meeting_ballots WHERE vote_id = ?")
        .bind(voteId)
        .all<{ receipt: string }>()
    ).results.map((b) => b.receipt);
    expect(ballots).toEqual([...ballots].sort());
    expect(ballots.sort()).toEqual([...receipts.values()].sort());
    // The room keeps who voted, never what or which receipt.
    const live = JSON.stringify(await meetingStub(env, meeting.documentId).stats());
    expect(live).not.toMatch(/receipt/);
  });

  it("publishes the ballots once the vote closed, each findable by its receipt; a late ballot is refused", async () => {
    const early = await getAs(`/api/meetings/${meeting.id}/votes/${voteId}/ballots`, as("demo-hanna"));
    expect(early.status).toBe(409);
    await hanna.refused({ type: "vote.close", voteId }, "meeting_not_allowed");
    await bengt.command({ type: "vote.close", voteId });
    expect((await bengt.view()).votes.find((v) => v.id === voteId)).toMatchObject({
      open: false,
      voted: 3,
      counts: [2, 1, 0],
    });
    await ivar.command({ type: "roll.check", checkedIn: true });
    await ivar.refused({ type: "vote.cast", voteId, choices: [0] }, "meeting_vote_closed");

    const list = (await (
      await getAs(`/api/meetings/${meeting.id}/votes/${voteId}/ballots`, as("demo-ivar"))
    ).json()) as BallotList;
    expect(list.ballots.map((b) => b.receipt)).toEqual([...list.ballots.map((b) => b.receipt)].sort());
    expect(list.ballots.find((b) => b.receipt === receipts.get("demo-hanna"))?.choices).toEqual([1]);
    const voted = await env.DB.prepare("SELECT voted, eligible, counts FROM meeting_votes WHERE id = ?")
      .bind(voteId)
      .first();
    expect(voted).toEqual({ voted: 3, eligible: 3, counts: "[2,1,0]" });
  });

  it("records the decision with the vote, and refuses one by anyone but the chair", async () => {
    await cecilia.refused({ type: "decision.record", text: "Beslutades", voteId }, "meeting_not_allowed");
    await bengt.command({ type: "decision.record", text: "Mötet beslutade att bifalla förslaget.", voteId });
    expect((await bengt.view()).decisions.at(-1)).toMatchObject({
      text: "Mötet beslutade att bifalla förslaget.",
      voteId,
    });
    const view = (await (await getAs(`/api/meetings/${meeting.id}`, as("demo-hanna"))).json()) as MeetingView;
    expect(view.decisions.map((d) => d.voteId)).toContain(voteId);
  });

  it("survives a restart mid-meeting: reconnecting, everyone is back on the same item", async () => {
    const item = (await bengt.view()).currentItemId;
    await hanna.command({ type: "speaker.request", kind: "speech" });
    const version = hanna.state?.version;
    await evictDurableObject(meetingStub(env, meeting.documentId), { webSockets: "close" });
    const started = Date.now();
    const again = await joinMeeting(meeting.id, as("demo-hanna"));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(again.state?.version).toBe(version);
    expect(again.state?.meeting.currentItemId).toBe(item);
    expect(again.state?.meeting.speakers?.queue.map((e) => e.name)).toEqual(["Hanna Test"]);
    expect(again.you?.votedIn).toContain(voteId);
    hanna = again;
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
  });

  it("keeps its sockets through hibernation", async () => {
    await evictDurableObject(meetingStub(env, meeting.documentId), { webSockets: "hibernate" });
    await bengt.command({ type: "speaker.next" });
    await hanna.next("state", (f) => f.meeting.speakers?.current?.name === "Hanna Test");
  });

  it("refuses every command once the meeting has closed", async () => {
    await bengt.command({ type: "meeting.close" });
    expect((await bengt.view()).state).toBe("closed");
    const before = await shared(bengt);
    await hanna.refused({ type: "speaker.request", kind: "speech" }, "meeting_closed");
    await bengt.refused({ type: "agenda.goto", itemId: meeting.agenda[0]?.id ?? 0 }, "meeting_closed");
    await bengt.refused(
      { type: "vote.open", question: "x", options: ["a", "b"], secret: false },
      "meeting_closed",
    );
    await bengt.command({ type: "sync" });
    expect(await shared(bengt)).toBe(before);
  });

  it("has drafted its minutes as it ran; the secretary hands them over, the adjuster approves, they freeze", async () => {
    // The room writes the draft after each change is stored, so the last lines may still be on their way.
    const readDraft = async () => documentToText(await loadDocument(env, meeting.minutesDocumentId));
    let draft = await readDraft();
    for (let tries = 0; !draft.includes("Mötet avslutades.") && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      draft = await readDraft();
    }
    expect(draft).toContain("Mötet öppnades.");
    expect(draft).toContain(`§ 5 ${meeting.agenda[4]?.title}`);
    expect(draft).toContain(
      "Omröstning (sluten): Bifall till förslaget?. Ja: 2, Nej: 1, Avstår: 0. Röstberättigade: 3, röstande: 3.",
    );
    expect(draft).toContain("Beslut: Mötet beslutade att bifalla förslaget.");
    // The live draft names nobody: the names come from the record, with each version.
    expect(draft).toContain("Närvarande: 4 medlemmar (se närvarolistan).");
    expect(draft).not.toMatch(/Bengt|Cecilia|Hanna|Ivar/);
    expect(draft.indexOf("Mötet öppnades.")).toBeLessThan(draft.indexOf("Mötet avslutades."));

    const path = `/api/meetings/${meeting.id}/minutes`;
    const notSecretary = await postJson(path, {}, as("demo-hanna"));
    expect(notSecretary.status).toBe(403);
    const submitted = await postJson(path, {}, as("demo-cecilia"));
    expect(submitted.status).toBe(201);
    const v1 = (await submitted.json()) as MinutesVersion;
    expect(v1).toMatchObject({ version: 1, frozenAt: null, approvals: [], guests: 0 });
    expect(v1.present.map((p) => p.name)).toEqual([
      "Bengt Olsson",
      "Cecilia Ahmadi",
      "Hanna Test",
      "Ivar Test",
    ]);
    expect(v1.text.startsWith("# Medlemsmöte med beslut\n\n")).toBe(true);
    expect(v1.text).toContain(`## § 5 ${meeting.agenda[4]?.title}`);

    const byCecilia = await postJson(`${path}/1/approval`, {}, as("demo-cecilia"));
    expect(byCecilia.status).toBe(403);
    const approved = await postJson(`${path}/1/approval`, {}, as("demo-hanna"));
    expect(approved.status).toBe(200);
    const frozen = (await approved.json()) as MinutesVersion;
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.approvals.map((a) => a.person.id)).toEqual(["demo-hanna"]);
    // Frozen: the secretary can hand over no new version, and her token to the draft is read-only.
    const again = await postJson(path, {}, as("demo-cecilia"));
    expect(again.status).toBe(403);
    const token = await postJson(`/api/rooms/${meeting.minutesDocumentId}/token`, {}, as("demo-cecilia"));
    expect(((await token.json()) as { mode: string }).mode).toBe("read");
    const view = (await (await getAs(`/api/meetings/${meeting.id}`, as("demo-ivar"))).json()) as MeetingView;
    expect(view.minutes).toMatchObject({ version: 1, approvedBy: ["demo-hanna"] });

    const docx = await getAs(`${path}/1/docx`, as("demo-ivar"));
    expect(docx.status).toBe(200);
    const xml = strFromU8(
      unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"] ?? new Uint8Array(),
    );
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join(""),
    );
    expect(paragraphs[0]).toBe("Medlemsmöte med beslut");
    expect(paragraphs[1]).toBe(
      "Mötesordförande: Bengt Olsson. Sekreterare: Cecilia Ahmadi. Justerare: Hanna Test.",
    );
    expect(paragraphs[2]).toBe("Närvarande: Bengt Olsson, Cecilia Ahmadi, Hanna Test, Ivar Test.");
    expect(paragraphs).toContain("Mötet öppnades.");
    expect(paragraphs).toContain(`§ 5 ${meeting.agenda[4]?.title}`);
    expect(paragraphs.at(-1)).toMatch(/^Justerat: Hanna Test, \d{4}-\d{2}-\d{2}$/);
    const markdown = await getAs(`${path}/1/markdown`, as("demo-ivar"));
    const markdownText = await markdown.text();
    expect(markdownText).toContain("Närvarande: Bengt Olsson, Cecilia Ahmadi, Hanna Test, Ivar Test.");
    expect(markdownText).toContain(v1.text.split("\n\n").slice(1).join("\n\n"));
    const hidden = await getAs(`${path}/1/docx`, as("demo-david"));
    expect(hidden.status).toBe(404);
    expect((await errorBody(await api(`${path}/1`))).code).toBe("not_logged_in");
  });
});

describe("a meeting planned without a secretary", () => {
  const minutesMode = async (meeting: MeetingView, person: string) =>
    (
      (await (await postJson(`/api/rooms/${meeting.minutesDocumentId}/token`, {}, as(person))).json()) as {
        mode: string;
      }
    ).mode;
  const canAs = async (meeting: MeetingView, person: string) =>
    ((await (await getAs(`/api/meetings/${meeting.id}`, as(person))).json()) as MeetingView).can;

  it("lets its chair keep the minutes and hand them to the adjusters, and nobody else", async () => {
    const meeting = await planMeeting(as("demo-bengt"), {
      title: "Styrelsemöte utan sekreterare",
      officers: { secretary: null, adjusters: ["demo-hanna"] },
    });
    expect(meeting.officers.secretary).toBeNull();
    expect(meeting.can).toContain("meeting.minutes");
    expect(await canAs(meeting, "demo-hanna")).not.toContain("meeting.minutes");
    expect(await minutesMode(meeting, "demo-bengt")).toBe("write");
    expect(await minutesMode(meeting, "demo-hanna")).toBe("read");

    const bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    await bengt.command({ type: "meeting.open" });
    await bengt.command({ type: "meeting.close" });
    const path = `/api/meetings/${meeting.id}/minutes`;
    expect((await postJson(path, {}, as("demo-hanna"))).status).toBe(403);
    const submitted = await postJson(path, {}, as("demo-bengt"));
    expect(submitted.status).toBe(201);
    expect(((await submitted.json()) as MinutesVersion).version).toBe(1);
    bengt.close();
  });

  it("gives the chair no minutes rights once a secretary is elected", async () => {
    const meeting = await planMeeting(as("demo-bengt"), {
      title: "Styrelsemöte med sekreterare",
      officers: { secretary: "demo-cecilia", adjusters: ["demo-hanna"] },
    });
    expect(meeting.can).not.toContain("meeting.minutes");
    expect(await canAs(meeting, "demo-cecilia")).toContain("meeting.minutes");
    expect(await minutesMode(meeting, "demo-bengt")).toBe("read");
  });
});
