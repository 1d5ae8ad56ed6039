import type { DocumentKind } from "../access/documents";
import type { ScratchResource } from "../access/permissions";

/**
 * `scratch:<name>`: open shared texts to try the editor with (`/documents/scratch:demo`).
 * Every name is a document, and nobody owns one.
 */
export const scratchDocuments: DocumentKind<ScratchResource> = {
  prefix: "scratch",
  resolve: (_db, documentId) => ({ type: "scratch", documentId }),
  read: "scratch.read",
  write: "scratch.write",
  invite: "scratch.invite",
};
