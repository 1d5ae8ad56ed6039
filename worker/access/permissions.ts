import type { Identity } from "./identity";

/**
 * The one place that answers "may this identity do this to this resource", for HTTP
 * routes and room tokens alike. The table is the whole policy; test/worker/permissions.test.ts
 * drives real requests through the routes for every row and every demo role.
 *
 * | action          | resource                        | who                 |
 * |-----------------|---------------------------------|---------------------|
 * | document.read   | a scratch document (scratch:*)  | any logged-in member |
 * | document.write  | a scratch document (scratch:*)  | any logged-in member |
 *
 * Rows arrive with the features that need them (member import, audit log, motions,
 * meeting notes, consultation answers). Whatever the table does not grant is refused;
 * anonymous visitors are granted nothing.
 */
export type Action = "document.read" | "document.write";

export type Resource = { type: "document"; documentId: string };

/** The feature a document belongs to: its id's prefix ("scratch:demo" → "scratch"). */
export function documentFeature(documentId: string): string {
  return documentId.slice(0, documentId.indexOf(":"));
}

export function authorize(identity: Identity, action: Action, resource: Resource): boolean {
  if (identity.kind === "anonymous") return false;
  switch (action) {
    case "document.read":
    case "document.write":
      return documentFeature(resource.documentId) === "scratch";
  }
}
