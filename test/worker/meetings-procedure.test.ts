import { evictDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { meetingStub } from "../../worker/rooms/address";
import { documentToText, loadDocument } from "../../worker/rooms/documents";
import type {
  MeetingCommand,
  MeetingLiveState,
  MeetingView,
  ProposalKind,
} from "../../worker/shared/meetings";
import { acceptInvite, createInvite, env } from "./helpers";
import { addMeetingPeople, joinMeeting, type MeetingClient, planMeeting } from "./meetings-fixtures";

/**
 * The formal procedure in the live room, through real sockets: proposals per att-sats, the
 * order of decisions, acclamation and a demanded count, ties by casting vote and by lots,
 * reservations, notes and immediate approval, and a point of order pausing the list. Bengt
 * chairs; Hanna and Ivar are the adjusters; Cecilia loses her vote on the roll.
 */

let cookies: Map<string, string>;
const as = (id: string) => cookies.get(id) ?? "";

beforeAll(async () => {
  cookies = await addMeetingPeople();
});

const shared = async (client: MeetingClient) => JSON.stringify(await client.view());
const proposalId = (view: MeetingLiveState, kind: ProposalKind, text: string | null = null) =>
  view.procedure?.proposals.find((p) => p.kind === kind && (text === null || p.text === text))?.id ?? 0;

describe("the formal procedure in a members-only meeting", () => {
  let meeting: MeetingView;
  let motionItem: number;
  let electionItem: number;
  let bengt: MeetingClient;
  let cecilia: MeetingClient;
  let hanna: MeetingClient;
  let ivar: MeetingClient;

  beforeAll(async () => {
    const motion = await env.DB.prepare(
      "SELECT id FROM motions WHERE title = 'Solceller på kommunens tak'",
    ).first<{
      id: number;
    }>();
    meeting = await planMeeting(as("demo-bengt"), {
      title: "Medlemsmöte med propositionsordning",
      officers: { secretary: "demo-cecilia", adjusters: ["demo-hanna", "demo-ivar"] },
      agenda: [
        { title: "Motion om solceller", kind: "decision", motionId: motion?.id ?? null },
        { title: "Val av ombud", kind: "decision" },
      ],
    });
    motionItem = meeting.agenda[0]?.id ?? 0;
    electionItem = meeting.agenda[1]?.id ?? 0;
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    cecilia = await joinMeeting(meeting.id, as("demo-cecilia"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    ivar = await joinMeeting(meeting.id, as("demo-ivar"));
    await hanna.refused({ type: "proposal.add", kind: "approve" }, "meeting_not_open");
    await bengt.command({ type: "meeting.open" });
    await bengt.command({ type: "roll.set", participantId: "demo-cecilia", votingRight: false });
    await bengt.command({ type: "agenda.goto", itemId: motionItem });
  });

  it("takes proposals per att-sats from members, with text where the kind needs one", async () => {
    await hanna.command({ type: "proposal.add", kind: "approve", attSats: 0 });
    await ivar.command({ type: "proposal.add", kind: "reject", attSats: 0 });
    const before = await shared(bengt);
    await hanna.refused({ type: "proposal.add", kind: "amend", attSats: 0 }, "meeting_proposal_text_needed");
    await hanna.refused({ type: "proposal.add", kind: "refer" }, "meeting_proposal_text_needed");
    await hanna.refused({ type: "proposal.add", kind: "reject", attSats: 99 }, "meeting_no_such_entry");
    await hanna.refused({ type: "proposal.add", kind: "bribe" }, "meeting_bad_command");
    expect(await shared(bengt)).toBe(before);
    // A member without a vote still proposes (förslagsrätt is not rösträtt).
    await cecilia.command({
      type: "proposal.add",
      kind: "amend",
      attSats: 0,
      text: "att solceller sätts på alla kommunens skolor",
    });
    await hanna.command({ type: "proposal.add", kind: "refer", text: "Kostnaden behöver utredas." });
    let view = await bengt.view();
    expect(view.procedure?.itemId).toBe(motionItem);
    expect(view.procedure?.proposals.map((p) => [p.kind, p.attSats, p.name])).toEqual([
      ["approve", 0, "Hanna Test"],
      ["reject", 0, "Ivar Test"],
      ["amend", 0, "Cecilia Ahmadi"],
      ["refer", null, "Hanna Test"],
    ]);
    // Only her own proposal can be withdrawn.
    const refer = proposalId(view, "refer");
    await ivar.refused({ type: "proposal.withdraw", proposalId: refer }, "meeting_not_allowed");
    await hanna.command({ type: "proposal.withdraw", proposalId: refer });
    view = await bengt.view();
    expect(view.procedure?.proposals.map((p) => p.kind)).toEqual(["approve", "reject", "amend"]);
  });

  it("locks new proposals with the speaker list (streck i debatten)", async () => {
    await bengt.command({ type: "speakers.close" });
    const before = await shared(bengt);
    await ivar.refused({ type: "proposal.add", kind: "table" }, "meeting_proposals_locked");
    expect(await shared(bengt)).toBe(before);
    await bengt.command({ type: "speakers.reopen" });
  });

  it("decides by the order the chair proposes and the meeting approves, by acclamation", async () => {
    const view = await bengt.view();
    const [approve, reject, amend] = [
      proposalId(view, "approve"),
      proposalId(view, "reject"),
      proposalId(view, "amend"),
    ];
    const order: MeetingCommand = {
      type: "order.propose",
      steps: [{ proposalIds: [amend, approve] }, { proposalIds: [approve, reject] }],
    };
    await hanna.refused(order, "meeting_not_allowed");
    await bengt.refused(
      { type: "order.propose", steps: [{ proposalIds: [approve, 999] }] },
      "meeting_no_such_entry",
    );
    await bengt.command(order);
    await bengt.refused({ type: "step.decide", step: 0, proposalId: approve }, "meeting_order_not_approved");
    await hanna.refused({ type: "order.approve" }, "meeting_not_allowed");
    await bengt.command({ type: "order.approve" });
    expect((await bengt.view()).procedure?.order).toMatchObject({ approved: true });
    await bengt.refused(order, "meeting_order_locked");
    await hanna.refused({ type: "proposal.add", kind: "table" }, "meeting_order_locked");
    await bengt.refused({ type: "step.decide", step: 1, proposalId: approve }, "meeting_step_not_current");
    await hanna.refused({ type: "step.decide", step: 0, proposalId: approve }, "meeting_not_allowed");

    // The gavel: the meeting said "ja" to the main proposal; no count can be demanded after it.
    await bengt.command({ type: "step.decide", step: 0, proposalId: approve });
    const after = await bengt.view();
    expect(after.procedure?.order?.steps[0]?.outcome).toMatchObject({
      proposalId: approve,
      by: "acclamation",
      draw: null,
    });
    expect(after.decisions.at(-1)?.text).toBe(
      `Mötet beslutade enligt yrkande ${approve} (bifall, att-sats 1).`,
    );
    const before = await shared(bengt);
    await ivar.refused({ type: "step.demand_count", step: 0 }, "meeting_step_decided");
    await bengt.refused({ type: "step.decide", step: 0, proposalId: amend }, "meeting_step_decided");
    expect(await shared(bengt)).toBe(before);
  });

  it("opens a count for any voter who demands one; a tie goes to the chair's casting vote", async () => {
    const view = await bengt.view();
    const [approve, reject] = [proposalId(view, "approve"), proposalId(view, "reject")];
    await cecilia.refused({ type: "step.demand_count", step: 1 }, "meeting_no_vote_right");
    await ivar.command({ type: "step.demand_count", step: 1, secret: true });
    const step = (await bengt.view()).procedure?.order?.steps[1];
    expect(step).toMatchObject({ countDemanded: true, outcome: null });
    const vote = (await bengt.view()).votes.find((v) => v.id === step?.voteId);
    expect(vote).toMatchObject({
      open: true,
      secret: true,
      options: [`Yrkande ${approve} (bifall, att-sats 1)`, `Yrkande ${reject} (avslag, att-sats 1)`],
    });
    const voteId = vote?.id ?? 0;
    // Asked twice, still one count; the gavel waits for it.
    await hanna.command({ type: "step.demand_count", step: 1 });
    await bengt.refused({ type: "step.decide", step: 1, proposalId: approve }, "meeting_count_pending");

    await bengt.command({ type: "vote.cast", voteId, choices: [0] });
    await ivar.command({ type: "vote.cast", voteId, choices: [1] });
    await bengt.command({ type: "vote.close", voteId });
    await bengt.refused({ type: "step.decide", step: 1 }, "meeting_casting_vote_needed");
    await bengt.command({ type: "step.decide", step: 1, proposalId: reject });
    const decided = await bengt.view();
    const outcome = decided.procedure?.order?.steps[1]?.outcome;
    expect(outcome).toMatchObject({
      proposalId: reject,
      by: "count",
      draw: { method: "casting", among: [approve, reject], picked: reject },
    });
    const decision = decided.decisions.find((d) => d.id === outcome?.decisionId);
    expect(decision).toMatchObject({ voteId });
    expect(decision?.text).toContain("avgjort med ordförandens utslagsröst");
    expect(decided.annexes?.find((a) => a.decisionId === decision?.id)?.draw?.method).toBe("casting");
  });

  it("records reservations and notes with a decision until its paragraph is approved at once", async () => {
    const decisionId = (await bengt.view()).decisions.at(-1)?.id ?? 0;
    await cecilia.refused({ type: "decision.reserve", decisionId }, "meeting_no_vote_right");
    await ivar.command({ type: "decision.reserve", decisionId, text: "Solceller lönar sig." });
    await cecilia.command({ type: "decision.note", decisionId, text: "Frågan bör tas upp igen nästa år." });
    await bengt.refused({ type: "decision.adjust", decisionId }, "meeting_not_allowed");
    await hanna.command({ type: "decision.adjust", decisionId });
    let annex = (await bengt.view()).annexes?.find((a) => a.decisionId === decisionId);
    expect(annex).toMatchObject({
      reservations: [{ participantId: "demo-ivar", text: "Solceller lönar sig." }],
      notes: [{ participantId: "demo-cecilia", text: "Frågan bör tas upp igen nästa år." }],
      adjustedBy: ["demo-hanna"],
      adjusted: false,
    });
    await ivar.command({ type: "decision.adjust", decisionId });
    annex = (await bengt.view()).annexes?.find((a) => a.decisionId === decisionId);
    expect(annex?.adjusted).toBe(true);
    const before = await shared(bengt);
    await hanna.refused({ type: "decision.reserve", decisionId }, "meeting_decision_adjusted");
    await cecilia.refused({ type: "decision.note", decisionId, text: "Sent." }, "meeting_decision_adjusted");
    await bengt.refused({ type: "decision.reserve", decisionId: 9999 }, "meeting_no_such_entry");
    expect(await shared(bengt)).toBe(before);
  });

  it("keeps a demanded count until the open vote closes: a count is never refused", async () => {
    await bengt.command({ type: "agenda.goto", itemId: electionItem });
    await hanna.command({ type: "proposal.add", kind: "approve", text: "Anna Ombud" });
    await ivar.command({ type: "proposal.add", kind: "approve", text: "Bo Ombud" });
    const view = await bengt.view();
    const [anna, bo] = [proposalId(view, "approve", "Anna Ombud"), proposalId(view, "approve", "Bo Ombud")];
    await bengt.command({ type: "order.propose", steps: [{ proposalIds: [anna, bo], election: true }] });

    // A restart mid-procedure: the proposals and the proposed order are still there.
    const stored = (await bengt.view()).procedure;
    await evictDurableObject(meetingStub(env, meeting.documentId), { webSockets: "close" });
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    ivar = await joinMeeting(meeting.id, as("demo-ivar"));
    expect(bengt.state?.meeting.procedure).toEqual(stored);

    await bengt.command({ type: "order.approve" });
    await bengt.command({
      type: "vote.open",
      question: "Ajournering?",
      options: ["Ja", "Nej"],
      secret: false,
    });
    const other = (await bengt.view()).votes.at(-1)?.id ?? 0;
    await hanna.command({ type: "step.demand_count", step: 0 });
    expect((await bengt.view()).procedure?.order?.steps[0]).toMatchObject({
      countDemanded: true,
      voteId: null,
    });
    await bengt.refused({ type: "step.decide", step: 0, proposalId: anna }, "meeting_count_pending");
    await bengt.command({ type: "vote.close", voteId: other });
    const step = (await bengt.view()).procedure?.order?.steps[0];
    const vote = (await bengt.view()).votes.find((v) => v.id === step?.voteId);
    // An election is counted by secret ballot whoever asked.
    expect(vote).toMatchObject({ open: true, secret: true });
  });

  it("settles a tie in an election by lots, drawn by the room and logged with the decision", async () => {
    const view = await bengt.view();
    const [anna, bo] = [proposalId(view, "approve", "Anna Ombud"), proposalId(view, "approve", "Bo Ombud")];
    const voteId = view.procedure?.order?.steps[0]?.voteId ?? 0;
    await hanna.command({ type: "vote.cast", voteId, choices: [0] });
    await ivar.command({ type: "vote.cast", voteId, choices: [1] });
    await bengt.command({ type: "vote.close", voteId });
    // Restart between the count and the gavel.
    await evictDurableObject(meetingStub(env, meeting.documentId), { webSockets: "close" });
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    ivar = await joinMeeting(meeting.id, as("demo-ivar"));
    cecilia = await joinMeeting(meeting.id, as("demo-cecilia"));
    // The chair's pick is no casting vote here: lots decide.
    await bengt.command({ type: "step.decide", step: 0, proposalId: anna });
    const decided = await bengt.view();
    const outcome = decided.procedure?.order?.steps[0]?.outcome;
    expect(outcome?.draw).toMatchObject({ method: "lots", among: [anna, bo] });
    expect([anna, bo]).toContain(outcome?.draw?.picked);
    expect(outcome?.proposalId).toBe(outcome?.draw?.picked);
    const decision = decided.decisions.find((d) => d.id === outcome?.decisionId);
    expect(decision?.text).toContain("Lika röstetal; avgjort genom lottning.");
    const row = await env.DB.prepare("SELECT text, vote_id FROM meeting_decisions WHERE id = ?")
      .bind(decision?.id ?? 0)
      .first<{ text: string; vote_id: number }>();
    expect(row).toEqual({ text: decision?.text, vote_id: voteId });
  });

  it("pauses the ordinary list while a point of order is treated, until the chair resumes it", async () => {
    await hanna.command({ type: "speaker.request", kind: "speech" });
    await cecilia.command({ type: "speaker.request", kind: "order" });
    await bengt.command({ type: "speaker.next" });
    let list = (await bengt.view()).speakers;
    expect(list).toMatchObject({ paused: true, current: { kind: "order", name: "Cecilia Ahmadi" } });
    // Points of order go on; the ordinary speech waits.
    await ivar.command({ type: "speaker.request", kind: "order" });
    await bengt.command({ type: "speaker.next" });
    expect((await bengt.view()).speakers?.current).toMatchObject({ kind: "order", name: "Ivar Test" });
    await bengt.command({ type: "speaker.next" });
    list = (await bengt.view()).speakers;
    expect(list).toMatchObject({ paused: true, current: null });
    expect(list?.queue.map((e) => e.name)).toEqual(["Hanna Test"]);
    // The pause survives a restart.
    await evictDurableObject(meetingStub(env, meeting.documentId), { webSockets: "close" });
    bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    expect(bengt.state?.meeting.speakers?.paused).toBe(true);
    await hanna.refused({ type: "speakers.resume" }, "meeting_not_allowed");
    await bengt.command({ type: "speakers.resume" });
    await bengt.command({ type: "speaker.next" });
    expect((await bengt.view()).speakers).toMatchObject({
      paused: false,
      current: { name: "Hanna Test", kind: "speech" },
    });
  });

  it("refuses every procedure command once the meeting has closed, and has written it all into the minutes", async () => {
    const decisionId = (await bengt.view()).decisions.at(-1)?.id ?? 0;
    await bengt.command({ type: "meeting.close" });
    const before = await shared(bengt);
    await hanna.refused({ type: "proposal.add", kind: "approve" }, "meeting_closed");
    await bengt.refused({ type: "order.approve" }, "meeting_closed");
    await hanna.refused({ type: "step.demand_count", step: 0 }, "meeting_closed");
    await hanna.refused({ type: "decision.reserve", decisionId }, "meeting_closed");
    await hanna.refused({ type: "decision.adjust", decisionId }, "meeting_closed");
    await bengt.refused({ type: "speakers.resume" }, "meeting_closed");
    expect(await shared(bengt)).toBe(before);

    const readDraft = async () => documentToText(await loadDocument(env, meeting.minutesDocumentId));
    let draft = await readDraft();
    for (let tries = 0; !draft.includes("Mötet avslutades.") && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      draft = await readDraft();
    }
    expect(draft).toContain(
      "Mötet godkände propositionsordningen (steg 1: yrkande 3 mot yrkande 1; steg 2: yrkande 1 mot yrkande 2).",
    );
    expect(draft).toContain("Votering begärdes.");
    expect(draft).toContain("Reservation mot beslutet i § 1: Solceller lönar sig.");
    expect(draft).toContain("Protokollsanteckning till beslutet i § 1: Frågan bör tas upp igen nästa år.");
    expect(draft).toContain("Beslutet i § 1 justerades omedelbart.");
    expect(draft).toContain("Lika röstetal; avgjort genom lottning.");
    expect(draft).not.toMatch(/Bengt|Cecilia|Hanna|Ivar/);
  });
});

describe("the formal procedure in an open meeting", () => {
  it("takes no proposals, from a guest or a member: an open meeting decides nothing", async () => {
    const meeting = await planMeeting(as("demo-bengt"), {
      title: "Öppet samtal om parker",
      access: "open",
      template: "conversation",
    });
    const invite = await createInvite(as("demo-bengt"), meeting.documentId);
    const { cookie } = await acceptInvite(invite.token, "Gäst Greta");
    const bengt = await joinMeeting(meeting.id, as("demo-bengt"));
    const guest = await joinMeeting(meeting.id, cookie);
    const hanna = await joinMeeting(meeting.id, as("demo-hanna"));
    await bengt.command({ type: "meeting.open" });
    await guest.refused({ type: "proposal.add", kind: "approve" }, "meeting_members_only");
    await hanna.refused({ type: "proposal.add", kind: "reject" }, "meeting_members_only");
    await bengt.refused({ type: "order.propose", steps: [{ proposalIds: [1, 2] }] }, "meeting_members_only");
    // The point-of-order pause is the list's, and holds in open meetings too.
    await guest.command({ type: "speaker.request", kind: "order" });
    await bengt.command({ type: "speaker.next" });
    expect((await bengt.view()).speakers?.paused).toBe(true);
    await guest.refused({ type: "speakers.resume" }, "meeting_not_allowed");
  });
});
