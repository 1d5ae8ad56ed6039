import type { ErrorCode } from "./errors";
import type { GroupRef } from "./org";

/**
 * Who someone is and what they hold, as the API and the web app see it. No zod here
 * (validators in identity-schemas.ts) so the web bundle stays small.
 */

/** Roles a person can hold in a group. Guests hold none: they are scoped to one invite. */
export const roles = [
  "member",
  "chair",
  "secretary",
  "board_member",
  "welcome_officer",
  "activity_lead",
  "union_lead",
  "national_admin",
] as const;
export type Role = (typeof roles)[number];

/**
 * What the web app may offer a person in one of her groups (links, buttons). The Worker
 * works this out from the permission table (worker/access/permissions.ts) and decides
 * every request again; the web app never mirrors the table.
 * - `members.import`: import the member register for this group (for the national group:
 *   for the whole party);
 * - `audit.read`: read the audit log (on the national group);
 * - `motion.create`: start a motion or idea draft in this group;
 * - `motion.periods`: open a motion period for this group (its board);
 * - `consultation.create`: ask a consultation from this group (the national office, a district's board).
 * - `meeting.plan`: plan a meeting for this group (its chair or secretary).
 */
export const groupActions = [
  "members.import",
  "audit.read",
  "motion.create",
  "motion.periods",
  "consultation.create",
  "meeting.plan",
] as const;
export type GroupAction = (typeof groupActions)[number];

export interface GroupMembership {
  group: GroupRef;
  roles: Role[];
  can: GroupAction[];
}

export interface Me {
  kind: "member";
  id: string;
  name: string;
  email: string;
  groups: GroupMembership[];
}

export interface SessionInfo {
  id: string;
  current: boolean;
  label: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

/** The neutral answer to a log-in request, whoever asked. */
export interface LoginRequested {
  status: "sent_if_registered";
}

export interface DemoPerson {
  id: string;
  name: string;
  summary: string;
}

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: number;
}

/** An invite link for guests to one open document. */
export interface GuestInvite {
  id: string;
  documentId: string;
  /** Only in the answer that creates it: the secret part is never stored. */
  link?: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  guests: number;
}

/**
 * Someone else's live invite, as one who may withdraw it sees it (`GET /api/invites?scope=managed`):
 * an officer of the group its document belongs to. It says who made it; never its guests' names.
 */
export interface ManagedInvite extends GuestInvite {
  createdBy: { id: string; name: string | null };
}

/** Who the guest is, after accepting an invite. */
export interface GuestMe {
  kind: "guest";
  name: string;
  documentId: string;
}

/** One audit log entry as an administrator sees it. `actorName` is null for an erased person. */
export interface AuditEntryView {
  id: number;
  at: number;
  action: string;
  actorId: string | null;
  actorName: string | null;
  subjectType: string;
  subjectId: string;
  details: Record<string, string | number | boolean | null>;
}

/** `GET /api/auth/providers`: the log-in methods besides e-mail. `oidc` is null when not configured. */
export interface AuthProviders {
  oidc: { name: string } | null;
}

/** Where the OpenID Connect log-in starts; a full page navigation, not a fetch. */
export const oidcStartPath = "/api/auth/oidc/start";

/** The codes a failed OpenID Connect log-in sends back to `/login?error=<code>`. */
export const oidcLoginErrors = [
  "oidc_failed",
  "oidc_cancelled",
  "oidc_expired",
  "oidc_unavailable",
  "oidc_email_unverified",
  "oidc_no_member",
  "too_many_attempts",
] as const satisfies readonly ErrorCode[];
export type OidcLoginError = (typeof oidcLoginErrors)[number];

export function isOidcLoginError(value: unknown): value is OidcLoginError {
  return typeof value === "string" && (oidcLoginErrors as readonly string[]).includes(value);
}
