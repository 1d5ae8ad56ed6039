import { type AnyDocumentKind, resolveDocument } from "../access/documents";
import type { DocumentResource } from "../access/permissions";
import { consultationAnswerDocuments } from "../consultations/kind";
import type { Db } from "../db/client";
import { meetingDocuments, meetingNotesDocuments, minutesDocuments } from "../meetings/kind";
import { motionDocuments } from "../motions/kind";
import { scratchDocuments } from "./scratch";

/**
 * Every kind of live document there is. A feature defines its kind in its own folder
 * (DocumentKind in worker/access/documents.ts) and adds it here, with its rows in the
 * permission table; the room token endpoint then works for its documents.
 */
export const documentKinds: readonly AnyDocumentKind[] = [
  scratchDocuments,
  motionDocuments,
  consultationAnswerDocuments,
  meetingDocuments,
  meetingNotesDocuments,
  minutesDocuments,
];

/** A document id as the permission table sees it; null when no kind resolves it. */
export function liveDocument(db: Db, documentId: string): Promise<DocumentResource | null> {
  return resolveDocument(documentKinds, db, documentId);
}
