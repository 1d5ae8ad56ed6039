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

export interface GroupMembership {
  group: GroupRef;
  roles: Role[];
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

/** Who the guest is, after accepting an invite. */
export interface GuestMe {
  kind: "guest";
  name: string;
  documentId: string;
}
