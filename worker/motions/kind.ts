import type { DocumentKind } from "../access/documents";
import type { MotionResource } from "../access/permissions";
import { findMotion } from "./resource";

/**
 * `motion:<id>`: the live text of a motion or idea draft. Its authors write while it is a
 * draft or collecting supporters; whoever may see the motion reads; after submission the
 * text lives on as frozen versions in D1 and the document is read-only for everyone.
 */
export const motionDocuments: DocumentKind<MotionResource> = {
  prefix: "motion",
  resolve: async (db, documentId) => {
    const id = /^motion:([1-9][0-9]{0,9})$/.exec(documentId)?.[1];
    return id ? findMotion(db, Number(id)) : null;
  },
  read: "motion.read",
  write: "motion.write",
};
