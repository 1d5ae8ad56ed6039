import { and, asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { people } from "../identity/schema";
import { markdownLiteral } from "../motions/exports";
import {
  documentToProseMirror,
  editDocument,
  loadDocument,
  type ProseMirrorNode,
  richTextField,
} from "../rooms/documents";
import { type MinutesVersion, minutesDocumentId } from "../shared/meetings";
import type { MinutesLine } from "./live/rules";
import { minutesStatusOf, officersOf } from "./queries";
import type { FoundMeeting } from "./resource";
import { meetingAttendance, meetingMinutes, meetingMinutesApprovals } from "./schema";

/**
 * The minutes draft themselves: as the meeting runs, the meeting room adds a line to the
 * live document `minutes:<id>` for each thing the minutes record (the opening, each item,
 * elections, decisions, vote results, the closing), through the room like anyone's edit, so
 * the secretary sees them arrive in her editor and edits around them.
 */
export async function appendMinutes(env: Env, meetingId: number, lines: MinutesLine[]): Promise<void> {
  if (!lines.length) return;
  await editDocument(env, minutesDocumentId(meetingId), (doc) => {
    const fragment = doc.getXmlFragment(richTextField);
    for (const line of lines) {
      const element = new Y.XmlElement(line.kind);
      if (line.kind === "heading") element.setAttribute("level", 2 as unknown as string);
      fragment.insert(fragment.length, [element]);
      const text = new Y.XmlText();
      element.insert(0, [text]);
      text.insert(0, line.text);
    }
  });
}

type Block = { kind: "heading" | "paragraph" | "item"; text: string };

/** The draft's blocks: headings, paragraphs and list items, each as plain text. */
function blocksOf(node: ProseMirrorNode): Block[] {
  const text = (n: ProseMirrorNode): string => n.text ?? (n.content ?? []).map(text).join("");
  return (node.content ?? []).flatMap((child): Block[] => {
    if (child.type === "heading") return [{ kind: "heading", text: text(child) }];
    if (child.type === "bulletList" || child.type === "orderedList") {
      return (child.content ?? []).map((item) => ({ kind: "item", text: text(item) }));
    }
    return [{ kind: "paragraph", text: text(child) }];
  });
}

/** Markdown of the minutes: a heading per agenda item, paragraphs, list items; text kept literal. */
function toMarkdown(title: string, blocks: Block[]): string {
  const lines = blocks
    .filter((b) => b.text.trim())
    .map((b) => {
      const text = markdownLiteral(b.text.trim());
      return b.kind === "heading" ? `## ${text}` : b.kind === "item" ? `- ${text}` : text;
    });
  return [`# ${markdownLiteral(title)}`, ...lines].join("\n\n").concat("\n");
}

async function versionView(db: Db, meetingId: number, version: number): Promise<MinutesVersion | null> {
  const [[row], approvals, attended] = await db.batch([
    db
      .select()
      .from(meetingMinutes)
      .where(and(eq(meetingMinutes.meetingId, meetingId), eq(meetingMinutes.version, version))),
    db
      .select({ id: people.id, name: people.name, approvedAt: meetingMinutesApprovals.approvedAt })
      .from(meetingMinutesApprovals)
      .innerJoin(people, eq(people.id, meetingMinutesApprovals.personId))
      .where(
        and(eq(meetingMinutesApprovals.meetingId, meetingId), eq(meetingMinutesApprovals.version, version)),
      )
      .orderBy(asc(meetingMinutesApprovals.approvedAt)),
    db
      .select({ id: meetingAttendance.participantId, guest: meetingAttendance.guest, name: people.name })
      .from(meetingAttendance)
      .leftJoin(people, eq(people.id, meetingAttendance.participantId))
      .where(eq(meetingAttendance.meetingId, meetingId))
      .orderBy(asc(people.name)),
  ]);
  if (!row) return null;
  return {
    version: row.version,
    text: row.text,
    officers: await officersOf(db, meetingId),
    present: attended.filter((a) => !a.guest).map(({ id, name }) => ({ id, name })),
    guests: attended.filter((a) => a.guest).length,
    createdAt: row.createdAt,
    frozenAt: row.frozenAt,
    approvals: approvals.map((a) => ({ person: { id: a.id, name: a.name }, approvedAt: a.approvedAt })),
  };
}

export async function findMinutesVersion(
  db: Db,
  meetingId: number,
  version: number,
): Promise<MinutesVersion> {
  const found = await versionView(db, meetingId, version);
  if (!found) throw new ApiError(404, "not_found");
  return found;
}

/**
 * The secretary hands the minutes to the adjusters: the live draft as it is now becomes a
 * numbered version in D1. Only once the meeting has closed; a later version (she edited
 * after a remark) needs every adjuster's approval again.
 */
export async function submitMinutes(
  env: Env,
  db: Db,
  meeting: FoundMeeting,
  personId: string,
  now = Date.now(),
) {
  if (meeting.state !== "closed") throw new ApiError(409, "meeting_minutes_not_ready");
  if (meeting.minutesFrozen) throw new ApiError(409, "meeting_minutes_frozen");
  const doc = await loadDocument(env, minutesDocumentId(meeting.meetingId));
  const text = toMarkdown(meeting.record.title, blocksOf(documentToProseMirror(doc)));
  const { version } = await minutesStatusOf(db, meeting.meetingId);
  await db.insert(meetingMinutes).values({
    meetingId: meeting.meetingId,
    version: version + 1,
    text,
    createdBy: personId,
    createdAt: now,
  });
  return findMinutesVersion(db, meeting.meetingId, version + 1);
}

/**
 * An adjuster approves (justerar) the latest version; when every adjuster has, it is frozen
 * for good, and the draft can no longer be written (`meeting.minutes` asks for it unfrozen).
 */
export async function approveMinutes(
  db: Db,
  meeting: FoundMeeting,
  version: number,
  personId: string,
  now = Date.now(),
) {
  const status = await minutesStatusOf(db, meeting.meetingId);
  if (status.frozenAt !== null) throw new ApiError(409, "meeting_minutes_frozen");
  if (status.version !== version) throw new ApiError(409, "meeting_minutes_not_ready");
  await db
    .insert(meetingMinutesApprovals)
    .values({ meetingId: meeting.meetingId, version, personId, approvedAt: now })
    .onConflictDoNothing();
  const adjusters = meeting.officers.filter((o) => o.role === "adjuster").map((o) => o.personId);
  const approved = new Set([...status.approvedBy, personId]);
  if (adjusters.every((id) => approved.has(id))) {
    await db
      .update(meetingMinutes)
      .set({ frozenAt: now })
      .where(and(eq(meetingMinutes.meetingId, meeting.meetingId), eq(meetingMinutes.version, version)));
  }
  return findMinutesVersion(db, meeting.meetingId, version);
}
