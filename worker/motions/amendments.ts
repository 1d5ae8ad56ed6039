import { diffWords } from "diff";
import { and, asc, eq, inArray } from "drizzle-orm";
import { auditStatement } from "../audit/log";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { people } from "../identity/schema";
import type {
  AmendmentDecision,
  MotionAmendment,
  MotionVersion,
  PersonRef,
  WordChange,
} from "../shared/motions";
import { type MotionText, paragraphs } from "./document";
import { currentVersion, refuse, searchBody, versionRow } from "./lifecycle";
import { lineBlocks, plainText, replaceBlockText } from "./lines";
import { findVersion } from "./queries";
import type { FoundMotion } from "./resource";
import { motionAmendments, motions, motionVersions } from "./schema";

/**
 * Amendments: proposed against the line numbers of a frozen version, decided by the board.
 * Accepting one freezes a NEW version with the change; the version it was made against
 * stays as it was, so its line numbers never move. Two open amendments on the same lines
 * conflict; accepting one marks every other amendment that touched the same words as
 * `needs_rework`, never merging it silently. Amendments on other words of the same block
 * still apply: each accepted one records which characters it replaced, and a later one
 * shifts its own range past them (and checks its words are still there).
 */

type MotionRecord = FoundMotion["record"];
type AmendmentRow = typeof motionAmendments.$inferSelect;
type Part = "motivation" | "proposal";

/** Where a range of a block's characters lies (code points, end exclusive). */
interface Span {
  part: Part;
  block: number;
  start: number;
  end: number;
}

/** The block and characters lines first–last cover; refused unless they lie in one block of the motivation or one att-sats. */
function locate(version: MotionVersion, firstLine: number, lastLine: number): Span & { oldText: string } {
  const blocks = lineBlocks(version);
  const total = blocks.reduce((n, b) => n + b.lines.length, 0);
  if (lastLine > total) refuse("motion_amendment_no_such_line", 422);
  const found = blocks.find((b) => b.lines.some((l) => l.number === firstLine));
  const first = found?.lines.find((l) => l.number === firstLine);
  const last = found?.lines.find((l) => l.number === lastLine);
  if (!found || !first || !last || found.part === "title") refuse("motion_amendment_spans_blocks", 422);
  return {
    part: found.part,
    block: found.block,
    start: first.start,
    end: last.end,
    oldText: found.chars.slice(first.start, last.end).join(""),
  };
}

function blockChars(version: MotionVersion, part: Part, block: number): string[] | null {
  return lineBlocks(version).find((b) => b.part === part && b.block === block)?.chars ?? null;
}

/**
 * Replaces characters start–end of a block with `text`. Striking words also strikes the
 * space next to them, so the result stays normalized (no double or edge spaces) and its
 * offsets are the ones the line numbering will count; the span returned is what was replaced.
 */
function replaceSpan(chars: string[], span: Span, text: string) {
  let { start, end } = span;
  if (!text) {
    if (chars[end] === " ") end++;
    else if (start > 0 && chars[start - 1] === " ") start--;
  }
  return { chars: [...chars.slice(0, start), ...Array.from(text), ...chars.slice(end)], start, end };
}

/** An att-sats is printed "att …": the amended block must still begin so. */
function proposalText(blockText: string): string {
  const match = /^att (\S.*)$/u.exec(blockText);
  if (!match?.[1]) refuse("motion_amendment_att_missing", 422);
  return match[1];
}

/** The version's text with one block's text replaced. */
function withBlock(version: MotionVersion, part: Part, block: number, blockText: string): MotionText {
  if (part === "motivation") {
    const json = replaceBlockText(version.motivation.json, block, blockText);
    return {
      title: version.title,
      motivation: { json, text: (json.content ?? []).map(plainText).join("\n") },
      proposals: version.proposals,
    };
  }
  const text = proposalText(blockText);
  return {
    title: version.title,
    motivation: version.motivation,
    proposals: version.proposals.map((p, i) =>
      i === block ? { key: p.key, text, json: paragraphs([text]) } : p,
    ),
  };
}

/**
 * Where an amendment's words are in the latest version: its range shifted past the
 * amendments accepted since its own version (in order), or null when one of them changed
 * any of its words.
 */
function rebase(amendment: Span, accepted: AmendmentRow[]): Span | null {
  let { start, end } = amendment;
  for (const a of accepted) {
    if (a.part !== amendment.part || a.block !== amendment.block) continue;
    const aStart = a.appliedStart ?? 0;
    const aEnd = a.appliedEnd ?? 0;
    if (aStart < end && start < aEnd) return null;
    if (aEnd <= start) {
      const shift = Array.from(a.text).length - (aEnd - aStart);
      start += shift;
      end += shift;
    }
  }
  return { ...amendment, start, end };
}

/** Accepted amendments that made the versions after `version`, in order. */
function acceptedSince(rows: AmendmentRow[], version: number): AmendmentRow[] {
  return rows
    .filter((r) => r.state === "accepted" && (r.resultVersion ?? 0) > version)
    .sort((a, b) => (a.resultVersion ?? 0) - (b.resultVersion ?? 0));
}

/** Where an amendment's words are in `latest`, or null when they are no longer all there. */
function placeIn(latest: MotionVersion, row: AmendmentRow, rows: AmendmentRow[]): Span | null {
  const span = rebase(row, acceptedSince(rows, row.versionNumber));
  const chars = span && blockChars(latest, span.part, span.block);
  if (!span || !chars || chars.slice(span.start, span.end).join("") !== row.oldText) return null;
  return span;
}

const amendable = ["submitted", "answered"];

/** A member proposes an amendment to the latest version; returns its id. */
export async function proposeAmendment(
  db: Db,
  motion: MotionRecord,
  input: { version: number; firstLine: number; lastLine: number; text: string; reason: string },
  personId: string,
): Promise<number> {
  if (!amendable.includes(motion.state)) refuse("motion_wrong_state");
  const latest = await currentVersion(db, motion.id);
  const row = await findVersion(db, motion.id, input.version);
  if (!row) throw new ApiError(404, "not_found");
  if (row.number !== latest.number) refuse("motion_amendment_old_version");
  const span = locate(latest, input.firstLine, input.lastLine);
  if (span.oldText === input.text) refuse("motion_amendment_unchanged", 422);
  const chars = blockChars(latest, span.part, span.block) ?? [];
  // Refuses now what could never be merged (an att-sats that no longer begins "att").
  withBlock(latest, span.part, span.block, replaceSpan(chars, span, input.text).chars.join(""));
  const [created] = await db
    .insert(motionAmendments)
    .values({
      motionId: motion.id,
      versionNumber: latest.number,
      firstLine: input.firstLine,
      lastLine: input.lastLine,
      ...span,
      text: input.text,
      reason: input.reason,
      state: "open",
      createdBy: personId,
      createdAt: Date.now(),
    })
    .returning({ id: motionAmendments.id });
  if (!created) throw new Error("amendment insert returned nothing");
  return created.id;
}

async function amendmentsOf(db: Db, motionId: number): Promise<AmendmentRow[]> {
  return db
    .select()
    .from(motionAmendments)
    .where(eq(motionAmendments.motionId, motionId))
    .orderBy(asc(motionAmendments.id));
}

/**
 * The board accepts or rejects an open amendment. Accepting freezes the latest version
 * with the change as a new version and marks every open amendment whose words it touched
 * as needing rework, in one batch with the audit entry.
 */
export async function decideAmendment(
  db: Db,
  motion: MotionRecord,
  amendmentId: number,
  decision: AmendmentDecision,
  personId: string | null,
): Promise<void> {
  const rows = await amendmentsOf(db, motion.id);
  const amendment = rows.find((r) => r.id === amendmentId);
  if (!amendment) throw new ApiError(404, "not_found");
  if (!amendable.includes(motion.state)) refuse("motion_wrong_state");
  const now = Date.now();
  const audit = (details: Record<string, number | string>) =>
    auditStatement(db, {
      actorId: personId,
      action: "motion.amendment_decided",
      subjectType: "motion",
      subjectId: String(motion.id),
      details: { amendment: amendment.id, decision, ...details },
    });
  const decided = { decidedBy: personId, decidedAt: now };
  if (decision === "reject") {
    if (amendment.state !== "open" && amendment.state !== "needs_rework") refuse("motion_amendment_closed");
    await db.batch([
      db
        .update(motionAmendments)
        .set({ state: "rejected", ...decided })
        .where(eq(motionAmendments.id, amendment.id)),
      audit({}),
    ]);
    return;
  }
  if (amendment.state === "needs_rework") refuse("motion_amendment_needs_rework");
  if (amendment.state !== "open") refuse("motion_amendment_closed");
  const latest = await currentVersion(db, motion.id);
  const span = placeIn(latest, amendment, rows);
  const chars = span && blockChars(latest, span.part, span.block);
  if (!span || !chars) refuse("motion_amendment_needs_rework");
  const applied = replaceSpan(chars, span, amendment.text);
  const text = withBlock(latest, span.part, span.block, applied.chars.join(""));
  const accepted: AmendmentRow = {
    ...amendment,
    state: "accepted",
    resultVersion: latest.number + 1,
    appliedStart: applied.start,
    appliedEnd: applied.end,
  };
  const others = rows.map((r) => (r.id === amendment.id ? accepted : r));
  const stale = others
    .filter((r) => r.state === "open")
    .filter((r) => rebase(r, acceptedSince(others, r.versionNumber)) === null)
    .map((r) => r.id);
  await db
    .batch([
      db
        .insert(motionVersions)
        .values(versionRow(motion.id, latest.number + 1, "amended", text, latest.lineLength, personId, now)),
      db
        .update(motionAmendments)
        .set({
          state: "accepted",
          resultVersion: accepted.resultVersion,
          appliedStart: applied.start,
          appliedEnd: applied.end,
          ...decided,
        })
        .where(and(eq(motionAmendments.id, amendment.id), eq(motionAmendments.state, "open"))),
      db
        .update(motionAmendments)
        .set({ state: "needs_rework" })
        .where(
          and(inArray(motionAmendments.id, stale.length ? stale : [0]), eq(motionAmendments.state, "open")),
        ),
      db
        .update(motions)
        .set({ body: searchBody(text), updatedAt: now })
        .where(eq(motions.id, motion.id)),
      audit({ version: latest.number + 1, needsRework: stale.length }),
    ])
    // The unique version number refuses a second decision that raced this one.
    .catch(() => refuse("motion_version_changed"));
}

function wordDiff(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    change: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}

/** Every amendment to a motion, oldest first, with its conflicts and its word diff. */
export async function listAmendments(db: Db, motionId: number): Promise<MotionAmendment[]> {
  const rows = await amendmentsOf(db, motionId);
  const ids = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))];
  const names = new Map(
    ids.length
      ? (
          await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids))
        ).map((p) => [p.id, p.name])
      : [],
  );
  const author = (id: string | null): PersonRef => ({ id: id ?? "", name: (id && names.get(id)) || null });
  const open = rows.filter((r) => r.state === "open");
  return rows.map((r) => ({
    id: r.id,
    version: r.versionNumber,
    firstLine: r.firstLine,
    lastLine: r.lastLine,
    part: r.part,
    block: r.block,
    oldText: r.oldText,
    text: r.text,
    reason: r.reason,
    state: r.state,
    author: author(r.createdBy),
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    resultVersion: r.resultVersion,
    conflictsWith:
      r.state === "open"
        ? open
            .filter(
              (o) =>
                o.id !== r.id &&
                o.versionNumber === r.versionNumber &&
                o.firstLine <= r.lastLine &&
                r.firstLine <= o.lastLine,
            )
            .map((o) => o.id)
        : [],
    diff: wordDiff(r.oldText, r.text),
  }));
}

/** Two versions of a motion compared word by word: the title, the motivation, each att-sats (matched by key). */
export function diffVersions(from: MotionVersion, to: MotionVersion) {
  const keys = [...new Set([...from.proposals, ...to.proposals].map((p) => p.key))];
  const section = (before: string, after: string) => ({
    changed: before !== after,
    changes: wordDiff(before, after),
  });
  return {
    from: from.number,
    to: to.number,
    sections: [
      { part: "title" as const, ...section(from.title, to.title) },
      { part: "motivation" as const, ...section(from.motivation.text, to.motivation.text) },
      ...keys.map((key) => {
        const a = from.proposals.findIndex((p) => p.key === key);
        const b = to.proposals.findIndex((p) => p.key === key);
        return {
          part: "proposal" as const,
          proposal: { from: a < 0 ? null : a, to: b < 0 ? null : b },
          ...section(from.proposals[a]?.text ?? "", to.proposals[b]?.text ?? ""),
        };
      }),
    ],
  };
}
