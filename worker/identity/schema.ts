import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { groups } from "../org/schema";
import { roles } from "../shared/identity";

/**
 * People and their access. Least data: a name and an e-mail address, nothing else (no
 * personal identity number, ever). Erasure blanks both and sets erasedAt; the id stays as
 * the pseudonym that contributions and the audit log keep pointing at.
 */
export const people = sqliteTable("people", {
  id: text("id").primaryKey(),
  email: text("email").unique(),
  name: text("name"),
  createdAt: integer("created_at").notNull(),
  erasedAt: integer("erased_at"),
});

export const memberships = sqliteTable(
  "memberships",
  {
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    role: text("role", { enum: roles }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.groupId, t.role] }), index("memberships_group").on(t.groupId)],
);

/**
 * Sessions: only a hash of the cookie's secret is stored, so a leaked database opens no
 * session. `publicId` names a session in "your active sessions" without revealing it.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    secretHash: text("secret_hash").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    label: text("label").notNull(),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("sessions_person").on(t.personId)],
);

/** One-time log-in links: hash only, 15 minutes, single use. */
export const loginLinks = sqliteTable("login_links", {
  tokenHash: text("token_hash").primaryKey(),
  personId: text("person_id")
    .notNull()
    .references(() => people.id),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
});

/**
 * Fixed-window counters shared by every isolate (an isolate's memory would let an
 * attacker spread attempts across them). Keys are HMACs with a secret (worker/http/rate-limit.ts):
 * no address is stored, and none can be recovered by hashing a list of addresses. A row
 * is deleted on the schedule once its window has ended (`expiresAt`).
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/** Development only: mail that would have been sent (worker/mail/). */
export const devOutbox = sqliteTable("dev_outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** Guest invites: a link to one open live document. Hash only; revocable; a guest holds no role. */
export const guestInvites = sqliteTable(
  "guest_invites",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    documentId: text("document_id").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("guest_invites_creator").on(t.createdBy)],
);

/**
 * A guest: a display name and the invite it came through, nothing else. Deleted, with her
 * sessions, a grace period after the invite ends (purgeEndedGuests).
 */
export const guests = sqliteTable(
  "guests",
  {
    id: text("id").primaryKey(),
    inviteId: text("invite_id")
      .notNull()
      .references(() => guestInvites.id),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("guests_invite").on(t.inviteId)],
);

export const guestSessions = sqliteTable(
  "guest_sessions",
  {
    secretHash: text("secret_hash").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    guestId: text("guest_id")
      .notNull()
      .references(() => guests.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("guest_sessions_guest").on(t.guestId)],
);

/** OpenID Connect log-ins in flight: state, nonce and PKCE verifier, for 10 minutes. */
export const oidcLogins = sqliteTable("oidc_logins", {
  state: text("state").primaryKey(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  next: text("next"),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
