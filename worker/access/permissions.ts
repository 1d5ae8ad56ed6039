import type { Role } from "../shared/identity";
import type { Identity } from "./identity";

/**
 * The one place that answers "may this identity do this to this resource", for HTTP
 * routes and room tokens alike. The table is the whole policy; test/worker/permissions.test.ts
 * drives real requests through the routes for every row and every demo role.
 *
 * | action          | resource                        | who                                                    |
 * |-----------------|---------------------------------|--------------------------------------------------------|
 * | document.read   | a scratch document (scratch:*)  | any member; a guest, only the document of her invite   |
 * | document.write  | a scratch document (scratch:*)  | any member; a guest, only the document of her invite   |
 * | invite.create   | a scratch document              | any member                                             |
 * | members.import  | a group                         | its welcome officer, or one of a group above it; a national administrator |
 * | members.manage  | a group                         | the same as members.import                             |
 * | audit.read      | the national level              | a national administrator                               |
 *
 * "A member" is a logged-in person with at least one membership: someone whose last
 * membership ended keeps her log-in (to see, export or erase her data) but nothing else.
 * Rows arrive with the features that need them (motions, meeting notes, consultation
 * answers). Whatever the table does not grant is refused; anonymous visitors get nothing.
 */
export type Action =
  | "document.read"
  | "document.write"
  | "invite.create"
  | "members.import"
  | "members.manage"
  | "audit.read";

export type Resource =
  | { type: "document"; documentId: string }
  /** `path`: the group and every group above it (groupPath in worker/access/identity.ts). */
  | { type: "group"; groupId: number; path: number[] }
  | { type: "national" };

/** The feature a document belongs to: its id's prefix ("scratch:demo" → "scratch"). */
export function documentFeature(documentId: string): string {
  return documentId.slice(0, documentId.indexOf(":"));
}

function holds(identity: Identity, role: Role, inGroups?: number[]): boolean {
  if (identity.kind !== "member") return false;
  return identity.grants.some((g) => g.role === role && (!inGroups || inGroups.includes(g.groupId)));
}

export function authorize(identity: Identity, action: Action, resource: Resource): boolean {
  if (identity.kind === "anonymous") return false;
  if (identity.kind === "member" && identity.grants.length === 0) return false;
  switch (action) {
    case "document.read":
    case "document.write":
      if (resource.type !== "document" || documentFeature(resource.documentId) !== "scratch") return false;
      return identity.kind === "member" || identity.documentId === resource.documentId;
    case "invite.create":
      return (
        identity.kind === "member" &&
        resource.type === "document" &&
        documentFeature(resource.documentId) === "scratch"
      );
    case "members.import":
    case "members.manage":
      if (resource.type !== "group") return false;
      return holds(identity, "national_admin") || holds(identity, "welcome_officer", resource.path);
    case "audit.read":
      return resource.type === "national" && holds(identity, "national_admin");
  }
}
