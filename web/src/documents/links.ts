export { isDocumentId } from "../../../worker/shared/rooms";

/** The demo document the home page links to. */
export const demoDocumentPath = "/documents/scratch:demo";
