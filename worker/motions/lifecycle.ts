import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { auditStatement } from "../audit/log";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { memberships } from "../identity/schema";
import { groups } from "../org/schema";
import { closeDocumentConnections } from "../rooms/revocation";
import {
  editableStates,
  type FrozenProposal,
  type MotionKind,
  type MotionOutcome,
  motionDocumentId,
  newProposalKey,
  type ProposalVerdict,
  type VersionReason,
} from "../shared/motions";
import { loadMotionText, type MotionText, paragraphs, writeMotionText } from "./document";
import { findPeriod, findVersion, openPeriodOf, supporterCount, versionView } from "./queries";
import type { FoundMotion } from "./resource";
import {
  motionAuthors,
  motionPeriods,
  motionSupporters,
  motions,
  motionTreatments,
  motionVersions,
} from "./schema";

/**
 * Each step of a motion's life, shared by the routes and the demo seed. The routes have
 * already asked the permission table who may; these functions check that the motion is at
 * the right stage and that its rules hold, and refuse with a named error (nothing changed)
 * when not. Every step that changes the text freezes a version; the ones the board takes
 * write immutable treatment rows and an audit entry (ids only).
 */

type Batch = [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];
type MotionRecord = FoundMotion["record"];
type Verdict = { verdict: ProposalVerdict; amendedText?: string | undefined };

export function refuse(code: ConstructorParameters<typeof ApiError>[1], status: 409 | 422 = 409): never {
  throw new ApiError(status, code);
}

/** A new motion or idea draft in a group, with its initiator and a live text to write in. */
export async function createMotion(
  env: Env,
  db: Db,
  input: { groupId: number; kind: MotionKind; title: string; personId: string },
): Promise<number> {
  const now = Date.now();
  const [created] = await db
    .insert(motions)
    .values({
      groupId: input.groupId,
      kind: input.kind,
      state: "draft",
      title: input.title,
      createdBy: input.personId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: motions.id });
  if (!created) throw new Error("motion insert returned nothing");
  await db
    .insert(motionAuthors)
    .values({ motionId: created.id, personId: input.personId, initiator: true, addedAt: now });
  await writeMotionText(env, created.id, {
    title: input.title,
    motivation: paragraphs([""]),
    proposals: input.kind === "motion" ? [{ key: newProposalKey(), json: paragraphs([""]) }] : [],
  });
  return created.id;
}

function requireEditable(motion: MotionRecord): void {
  if (!(editableStates as readonly string[]).includes(motion.state)) refuse("motion_not_editable");
}

/** Invites a co-author: a member of the motion's group who does not write it yet. */
export async function addCoauthor(db: Db, motion: MotionRecord, personId: string): Promise<void> {
  requireEditable(motion);
  const [member] = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.groupId, motion.groupId)))
    .limit(1);
  if (!member) refuse("motion_coauthor_not_member", 422);
  const added = await db
    .insert(motionAuthors)
    .values({ motionId: motion.id, personId, initiator: false, addedAt: Date.now() })
    .onConflictDoNothing()
    .returning({ personId: motionAuthors.personId });
  if (!added.length) refuse("motion_already_author");
}

/** Opens a motion for supporters among the group's members. */
export async function openForSupport(db: Db, motion: MotionRecord): Promise<void> {
  if (motion.kind === "idea") refuse("motion_is_idea");
  if (motion.state !== "draft")
    refuse(motion.state === "collecting" ? "motion_wrong_state" : "motion_not_editable");
  await db
    .update(motions)
    .set({ state: "collecting", updatedAt: Date.now() })
    .where(and(eq(motions.id, motion.id), eq(motions.state, "draft")));
}

/** Turns an idea draft into a motion, giving it a first, empty att-sats if it has none. */
export async function convertIdea(env: Env, db: Db, motion: MotionRecord): Promise<void> {
  if (motion.kind !== "idea") refuse("motion_wrong_state");
  requireEditable(motion);
  const text = await loadMotionText(env, motion.id);
  if (!text.proposals.length) {
    await writeMotionText(env, motion.id, {
      title: text.title || motion.title,
      motivation: text.motivation.json,
      proposals: [{ key: newProposalKey(), json: paragraphs([""]) }],
    });
  }
  await db.update(motions).set({ kind: "motion", updatedAt: Date.now() }).where(eq(motions.id, motion.id));
}

/** Co-signs a motion that is collecting support; the primary key refuses a second time. */
export async function support(db: Db, motion: MotionRecord, personId: string): Promise<void> {
  if (motion.state !== "collecting") refuse("motion_not_collecting");
  const added = await db
    .insert(motionSupporters)
    .values({ motionId: motion.id, personId, supportedAt: Date.now() })
    .onConflictDoNothing()
    .returning({ personId: motionSupporters.personId });
  if (!added.length) refuse("motion_already_supported");
}

export function versionRow(
  motionId: number,
  number: number,
  reason: VersionReason,
  text: MotionText,
  lineLength: number,
  personId: string | null,
  now: number,
) {
  return {
    motionId,
    number,
    reason,
    title: text.title,
    motivationText: text.motivation.text,
    motivationJson: JSON.stringify(text.motivation.json),
    proposals: JSON.stringify(text.proposals),
    lineLength,
    createdBy: personId,
    createdAt: now,
  };
}

/** The plain text the search index keeps of a version. */
export function searchBody(text: MotionText): string {
  return [text.motivation.text, ...text.proposals.map((p) => `att ${p.text}`)].join("\n");
}

/**
 * Submits a motion to its group's motion period: the period must be this group's and still
 * open, accept members' motions and the motion have enough supporters, a title and at least
 * one att-sats. The live text is frozen as version 1 and the motion leaves the states in
 * which anyone may write, so room tokens for it are read-only from now on.
 */
export async function submit(
  env: Env,
  db: Db,
  motion: MotionRecord,
  periodId: number,
  personId: string | null,
): Promise<void> {
  if (motion.kind === "idea") refuse("motion_is_idea");
  requireEditable(motion);
  const period = await findPeriod(db, periodId);
  if (!period || period.groupId !== motion.groupId) throw new ApiError(404, "not_found");
  if (period.deadline <= Date.now()) refuse("motion_deadline_passed");
  if (!period.acceptsMemberMotions) refuse("motion_period_not_for_members");
  if ((await supporterCount(db, motion.id)) < period.minSupporters) refuse("motion_too_few_supporters");
  const text = await loadMotionText(env, motion.id);
  if (!text.title || !text.proposals.some((p) => p.text)) refuse("motion_no_proposals", 422);
  const frozen = { ...text, proposals: text.proposals.filter((p) => p.text) };
  const now = Date.now();
  const changed = await db
    .batch([
      db
        .update(motions)
        .set({
          state: "submitted",
          periodId: period.id,
          title: frozen.title,
          body: searchBody(frozen),
          updatedAt: now,
        })
        .where(and(eq(motions.id, motion.id), inArray(motions.state, [...editableStates])))
        .returning({ id: motions.id }),
      db
        .insert(motionVersions)
        .values(versionRow(motion.id, 1, "submitted", frozen, period.lineLength, personId, now)),
      auditStatement(db, {
        actorId: personId,
        action: "motion.submitted",
        subjectType: "motion",
        subjectId: String(motion.id),
        details: { period: period.id, version: 1 },
      }),
    ])
    .catch(() => refuse("motion_not_editable"));
  if (!changed[0].length) refuse("motion_not_editable");
  await closeDocumentConnections(env, db, [motionDocumentId(motion.id)]);
}

export async function currentVersion(db: Db, motionId: number) {
  const row = await findVersion(db, motionId);
  if (!row) throw new Error(`motion ${motionId} has no version`);
  return versionView(row);
}

function checkVerdicts(verdicts: Verdict[], proposals: FrozenProposal[]): void {
  if (verdicts.length !== proposals.length) refuse("motion_verdicts_mismatch", 422);
}

/** The board's statement with a proposal per att-sats; it may be rewritten until the meeting decides. */
export async function writeStatement(
  db: Db,
  motion: MotionRecord,
  input: { text: string; proposals: Verdict[] },
  personId: string | null,
): Promise<void> {
  if (motion.state !== "submitted" && motion.state !== "answered") refuse("motion_wrong_state");
  const version = await currentVersion(db, motion.id);
  checkVerdicts(input.proposals, version.proposals);
  await db.batch([
    db.insert(motionTreatments).values({
      motionId: motion.id,
      versionNumber: version.number,
      step: "statement",
      text: input.text,
      verdicts: JSON.stringify(input.proposals),
      createdBy: personId,
      createdAt: Date.now(),
    }),
    db
      .update(motions)
      .set({ state: "answered", updatedAt: Date.now() })
      .where(and(eq(motions.id, motion.id), inArray(motions.state, ["submitted", "answered"]))),
    auditStatement(db, {
      actorId: personId,
      action: "motion.treated",
      subjectType: "motion",
      subjectId: String(motion.id),
      details: { step: "statement", version: version.number },
    }),
  ]);
}

/**
 * The meeting's decision per att-sats. Freezes the decided version: each att-sats carries
 * its decision, and one approved as amended carries its new wording.
 */
export async function recordDecision(
  db: Db,
  motion: MotionRecord,
  decisions: Verdict[],
  personId: string | null,
): Promise<void> {
  if (motion.state !== "answered") refuse("motion_wrong_state");
  const version = await currentVersion(db, motion.id);
  checkVerdicts(decisions, version.proposals);
  const decided: MotionText = {
    title: version.title,
    motivation: version.motivation,
    proposals: version.proposals.map((p, i) => {
      const d = decisions[i] as Verdict;
      return d.amendedText
        ? { key: p.key, text: d.amendedText, json: paragraphs([d.amendedText]), decision: d.verdict }
        : { ...p, decision: d.verdict };
    }),
  };
  const now = Date.now();
  await db.batch([
    db.insert(motionTreatments).values({
      motionId: motion.id,
      versionNumber: version.number,
      step: "decision",
      verdicts: JSON.stringify(decisions),
      createdBy: personId,
      createdAt: now,
    }),
    db
      .insert(motionVersions)
      .values(
        versionRow(motion.id, version.number + 1, "decided", decided, version.lineLength, personId, now),
      ),
    db
      .update(motions)
      .set({ state: "decided", body: searchBody(decided), updatedAt: now })
      .where(and(eq(motions.id, motion.id), eq(motions.state, "answered"))),
    auditStatement(db, {
      actorId: personId,
      action: "motion.treated",
      subjectType: "motion",
      subjectId: String(motion.id),
      details: { step: "decision", version: version.number + 1 },
    }),
  ] as Batch);
}

/**
 * What the group does with a decided motion: reject it, or send it to the level above,
 * either adopted as its own (only the att-satser it approved, as amended) or as the member's
 * motion it was (the submitted text, its authors kept). The receiving group gets a new
 * motion in its open motion period, submitted, with the sender and the origin recorded and
 * a live text that opens read-only. Returns the new motion's id.
 */
export async function conclude(
  env: Env,
  db: Db,
  motion: MotionRecord,
  outcome: MotionOutcome,
  personId: string | null,
): Promise<number | null> {
  if (motion.state !== "decided") refuse("motion_wrong_state");
  const now = Date.now();
  const audit = (details: Record<string, number | string>) =>
    auditStatement(db, {
      actorId: personId,
      action: "motion.forwarded",
      subjectType: "motion",
      subjectId: String(motion.id),
      details: { outcome, ...details },
    });
  if (outcome === "reject") {
    await db.batch([
      db.update(motions).set({ state: "rejected", updatedAt: now }).where(eq(motions.id, motion.id)),
      audit({}),
    ]);
    return null;
  }
  const [group] = await db
    .select({ parentId: groups.parentId })
    .from(groups)
    .where(eq(groups.id, motion.groupId));
  const period = group?.parentId ? await openPeriodOf(db, group.parentId, now) : null;
  if (!period) refuse("motion_no_open_period");
  if (outcome === "send_on" && !period.acceptsMemberMotions) refuse("motion_period_not_for_members");

  const decided = await currentVersion(db, motion.id);
  const submitted = await findVersion(db, motion.id, 1);
  if (!submitted) throw new Error(`motion ${motion.id} has no submitted version`);
  const original = versionView(submitted);
  const sent: MotionText =
    outcome === "adopt"
      ? {
          title: decided.title,
          motivation: decided.motivation,
          proposals: decided.proposals
            .filter((p) => p.decision === "approve" || p.decision === "amended")
            .map(({ decision: _, ...p }) => p),
        }
      : original;
  if (!sent.proposals.length) refuse("motion_no_proposals", 422);

  const [copy] = await db
    .insert(motions)
    .values({
      groupId: period.groupId,
      kind: "motion",
      state: "submitted",
      title: sent.title,
      body: searchBody(sent),
      periodId: period.id,
      originId: motion.id,
      senderGroupId: motion.groupId,
      createdBy: personId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: motions.id });
  if (!copy) throw new Error("motion insert returned nothing");
  const authors =
    outcome === "send_on"
      ? await db.select().from(motionAuthors).where(eq(motionAuthors.motionId, motion.id))
      : [];
  await db.batch([
    db
      .insert(motionVersions)
      .values(versionRow(copy.id, 1, "forwarded", sent, period.lineLength, personId, now)),
    db
      .update(motions)
      .set({ state: outcome === "adopt" ? "adopted" : "sent_on", forwardedToId: copy.id, updatedAt: now })
      .where(eq(motions.id, motion.id)),
    ...authors.map((a) => db.insert(motionAuthors).values({ ...a, motionId: copy.id, addedAt: now })),
    audit({ to: copy.id, toGroup: period.groupId, period: period.id }),
  ] as Batch);
  await writeMotionText(env, copy.id, {
    title: sent.title,
    motivation: sent.motivation.json,
    proposals: sent.proposals,
  });
  return copy.id;
}

/** A motion period for a group, set by its board. */
export async function createPeriod(
  db: Db,
  groupId: number,
  input: {
    title: string;
    deadline: number;
    minSupporters: number;
    acceptsMemberMotions: boolean;
    lineLength: number;
  },
  personId: string | null,
): Promise<number> {
  const [created] = await db
    .insert(motionPeriods)
    .values({ ...input, groupId, createdBy: personId, createdAt: Date.now() })
    .returning({ id: motionPeriods.id });
  if (!created) throw new Error("period insert returned nothing");
  return created.id;
}
