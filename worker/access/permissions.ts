import type { Guest, Identity, Person, RoleGrant } from "../http/identity";
import {
  type ConsultationAction,
  type ConsultationPhase,
  consultationActions,
  type WorkspaceAction,
  workspaceActions,
} from "../shared/consultations";
import { type GroupAction, groupActions, type Role } from "../shared/identity";
import {
  type MeetingAccess,
  type MeetingAction,
  type MeetingOfficerRole,
  type MeetingState,
  meetingActions,
} from "../shared/meetings";
import { isEditable, type MotionAction, type MotionState, motionActions } from "../shared/motions";
import type { GroupKind } from "../shared/org";

/**
 * The one place that answers "may this identity do this to this resource", for every route
 * (through requirePermission in worker/access/middleware.ts), for room tokens and for what
 * `/api/me` offers (`can`). test/worker/permissions.test.ts drives real requests through the
 * routes for every row and every demo role.
 *
 * Each row names the resource type it is about, whether guests can ever be allowed, and
 * who may. Whatever the table does not grant is refused; anonymous visitors get nothing, and
 * a guest gets nothing but the one document of her invite, whatever a row says.
 */

/** A group, with `path`: its id and every group above it, nearest first, ending at the national level (the root). */
export interface GroupResource {
  type: "group";
  groupId: number;
  kind: GroupKind;
  path: number[];
}

/** The party as a whole. */
export interface NationalResource {
  type: "national";
}

/** A staged member import: the group it is for and who uploaded it. */
export interface ImportResource {
  type: "import";
  createdBy: string;
  group: GroupResource;
}

/**
 * A guest invite: who made it, and the resource behind the document it opens (as the
 * document's kind resolves it; null when it no longer does), whose group's officers may
 * manage it.
 */
export interface InviteResource {
  type: "invite";
  createdBy: string;
  document: Resource | null;
}

/** A scratch document (`scratch:*`): an open shared text that nobody owns. */
export interface ScratchResource {
  type: "scratch";
  documentId: string;
}

/**
 * A motion or idea draft (`motion:<id>`): its group, where it is in its life and who writes
 * it (person ids). A motion forwarded to the level above is another motion there.
 */
export interface MotionResource {
  type: "motion";
  motionId: number;
  documentId: string;
  group: GroupResource;
  state: MotionState;
  authors: string[];
}

/**
 * A consultation (rådslag): the group that asks (the national group or a district), its
 * phase, the districts it asks groups in, and `askedAmong`: the asked groups among the
 * asking person's own (resolved for whoever is asking; empty for a draft).
 */
export interface ConsultationResource {
  type: "consultation";
  consultationId: number;
  asker: GroupResource;
  phase: ConsultationPhase;
  askedDistrictIds: number[];
  askedAmong: number[];
}

/**
 * One asked group's workspace in a published consultation: `documentId` is the live
 * document it was resolved from (`consultation-answer:<id>-<groupId>-<questionId>`), or, for
 * the workspace's routes, the prefix its documents share. `submitted`: a version counts and
 * the group has not reopened.
 */
export interface WorkspaceResource {
  type: "consultation_workspace";
  documentId: string;
  consultationId: number;
  group: GroupResource;
  phase: ConsultationPhase;
  submitted: boolean;
  individuals: boolean;
}

/**
 * A meeting (`meeting:<id>`, its live room): its group, whether guests are welcome (`open`),
 * where it is in its life, its elected officers, and whether its minutes are frozen. Its
 * notes and minutes are documents of their own kinds that resolve to it.
 */
export interface MeetingResource {
  type: "meeting";
  meetingId: number;
  documentId: string;
  group: GroupResource;
  access: MeetingAccess;
  state: MeetingState;
  officers: { personId: string; role: MeetingOfficerRole }[];
  minutesFrozen: boolean;
}

/**
 * A live document of any kind, as worker/rooms/kinds.ts resolves its id: `of` is the resource
 * behind it and `read`/`write`/`invite` the actions on `of` that decide (see DocumentKind);
 * `invite` is null for kinds no guest is ever invited to.
 */
export interface DocumentResource {
  type: "document";
  documentId: string;
  of: Resource;
  read: Action;
  write: Action;
  invite: Action | null;
}

export type Resource =
  | GroupResource
  | NationalResource
  | ImportResource
  | InviteResource
  | ScratchResource
  | MotionResource
  | ConsultationResource
  | WorkspaceResource
  | MeetingResource
  | DocumentResource;
export type ResourceType = Resource["type"];

export const national: NationalResource = { type: "national" };

export type Action =
  | "document.read"
  | "document.write"
  | "scratch.read"
  | "scratch.write"
  | "scratch.invite"
  | "invite.create"
  | "invite.withdraw"
  | "members.import"
  | "members.grant_national_admin"
  | "members.manage"
  | "import.open"
  | "audit.read"
  | "motion.list"
  | "motion.create"
  | "motion.periods"
  | "motion.read"
  | "motion.write"
  | "motion.manage"
  | "motion.support"
  | "motion.treat"
  | "motion.amend"
  | "motion.comment"
  | "consultation.list"
  | "consultation.create"
  | "consultation.read"
  | "consultation.manage"
  | "consultation.results"
  | "consultation.workspace"
  | "consultation.write"
  | "consultation.submit"
  | "consultation.individual"
  | "meeting.list"
  | "meeting.plan"
  | "meeting.read"
  | "meeting.attend"
  | "meeting.manage"
  | "meeting.invite"
  | "meeting.notes"
  | "meeting.minutes"
  | "meeting.approve";

/**
 * How a refusal answers when even existence must not leak. Without it a missing resource is
 * 404 and a refusal 403 (groups are public; import ids cannot be guessed).
 * - `refusal-as-absence`: a refusal is 404, as if the resource were not there;
 * - `absence-as-refusal`: a missing resource is 403, as if it were refused.
 */
export type Concealment = "refusal-as-absence" | "absence-as-refusal";

interface Rule<T extends ResourceType, G extends boolean> {
  on: T;
  /** Whether a guest can be allowed, and then only on the one document of her invite. */
  guests: G;
  conceal?: Concealment;
  /** Whether `who` may; asked only after the checks in authorize() passed. */
  allows(who: G extends true ? Person | Guest : Person, resource: Extract<Resource, { type: T }>): boolean;
}

/** Keeps each row's own resource and guest types, so handlers see them (IdentityFor, ResourceOf). */
function rule<T extends ResourceType, const G extends boolean>(row: Rule<T, G>): Rule<T, G> {
  return row;
}

/**
 * "A member": a logged-in person who holds at least one role. Someone whose last membership
 * ended keeps her log-in (to see, export or erase her data) but nothing that asks for a member.
 */
function isMember(who: Person | Guest): boolean {
  return who.kind === "person" && who.grants.length > 0;
}

function holds(who: Person, role: Role, inGroups?: number[]): boolean {
  return who.grants.some((g) => g.role === role && (!inGroups || inGroups.includes(g.groupId)));
}

/**
 * The group a resource belongs to, whose officers may act on it; null for what belongs to
 * none (a scratch document). A resource type that belongs to a group carries it as `group`.
 */
function groupOf(resource: Resource | null): GroupResource | null {
  if (!resource) return null;
  if (resource.type === "group") return resource;
  if (resource.type === "document") return groupOf(resource.of);
  if (resource.type === "invite") return groupOf(resource.document);
  return "group" in resource ? resource.group : null;
}

/** An officer of the group (its chair), or a national administrator: for every group and for what belongs to none. */
function isOfficer(who: Person, group: GroupResource | null): boolean {
  return holds(who, "national_admin") || (group !== null && holds(who, "chair", [group.groupId]));
}

/** The welcome officer of a group on `path` (the group or one above it), or a national administrator. */
function mayImport(who: Person, path: number[]): boolean {
  return holds(who, "national_admin") || holds(who, "welcome_officer", path);
}

/** Holds any role in this very group (a role above does not make her a member here). */
function inGroup(who: Person, groupId: number): boolean {
  return who.grants.some((g) => g.groupId === groupId);
}

/** The group's board: its chair, secretary and board members. */
function onBoard(who: Person, groupId: number): boolean {
  return who.grants.some(
    (g) =>
      g.groupId === groupId && (g.role === "chair" || g.role === "secretary" || g.role === "board_member"),
  );
}

const isAuthor = (who: Person, motion: MotionResource) => motion.authors.includes(who.personId);
/** A draft's authors; once it leaves the draft, also the members of its group. */
const seesMotion = (who: Person, motion: MotionResource) =>
  isAuthor(who, motion) || (motion.state !== "draft" && inGroup(who, motion.group.groupId));

/**
 * The asking level of a consultation: for the national group, a national administrator or
 * its board (the national office); for a district, its board (or a national administrator).
 */
function asks(who: Person, asker: GroupResource): boolean {
  return holds(who, "national_admin") || onBoard(who, asker.groupId);
}

/** A district's board reading a consultation that asks groups in its district. */
function readsForDistrict(who: Person, consultation: ConsultationResource): boolean {
  return consultation.askedDistrictIds.some((id) => onBoard(who, id));
}

/** A group's chair or secretary: who plans its meetings and submits its consultation answers. */
const chairOrSecretary = (who: Person, groupId: number) =>
  who.grants.some((g) => g.groupId === groupId && (g.role === "chair" || g.role === "secretary"));

/** Holds this role among the meeting's own elected officers. */
const officerOf = (who: Person, meeting: MeetingResource, role: MeetingOfficerRole) =>
  meeting.officers.some((o) => o.personId === who.personId && o.role === role);

/**
 * Who may be in a meeting: the members of its group and its elected officers; a guest, if
 * the meeting is open (authorize() holds her to the meeting of her invite).
 */
const attends = (who: Person | Guest, meeting: MeetingResource) =>
  who.kind === "guest"
    ? meeting.access === "open"
    : inGroup(who, meeting.group.groupId) || meeting.officers.some((o) => o.personId === who.personId);

/** Edit a meeting, mail invitations, make guest links: the group's planners, the meeting's chair and secretary. */
const managesMeeting = (who: Person, meeting: MeetingResource) =>
  chairOrSecretary(who, meeting.group.groupId) ||
  officerOf(who, meeting, "chair") ||
  officerOf(who, meeting, "secretary");

const rules = {
  /** Open a live document read-only: whatever its kind's read action allows. */
  "document.read": rule({
    on: "document",
    guests: true,
    // Document ids can be guessed; the web app reads 403 as "not for you".
    conceal: "absence-as-refusal",
    allows: (who, doc) => authorize(who, doc.read, doc.of),
  }),
  /** Write in a live document: whatever its kind's write action allows. */
  "document.write": rule({
    on: "document",
    guests: true,
    conceal: "absence-as-refusal",
    allows: (who, doc) => authorize(who, doc.write, doc.of),
  }),
  /** A scratch document: any member; a guest, the document of her invite (authorize() holds her to it). */
  "scratch.read": rule({
    on: "scratch",
    guests: true,
    allows: (who) => who.kind === "guest" || isMember(who),
  }),
  "scratch.write": rule({
    on: "scratch",
    guests: true,
    allows: (who) => who.kind === "guest" || isMember(who),
  }),
  /** Invite guests to a scratch document: any member. */
  "scratch.invite": rule({ on: "scratch", guests: false, allows: isMember }),
  /**
   * Invite guests to a document: whatever its kind's invite action allows (a kind without
   * one takes no guests). An invite lives only as long as its maker may still give it:
   * losing this right withdraws her invites, and accepting an invite or getting a room
   * token through one asks again.
   */
  "invite.create": rule({
    on: "document",
    guests: false,
    conceal: "absence-as-refusal",
    allows: (who, doc) => doc.invite !== null && authorize(who, doc.invite, doc.of),
  }),
  /**
   * See and withdraw an invite: the person who made it (also after her last membership
   * ended), and the officers of the group its document belongs to (for a scratch document,
   * which belongs to none, national administrators).
   */
  "invite.withdraw": rule({
    on: "invite",
    guests: false,
    conceal: "refusal-as-absence",
    allows: (who, invite) => invite.createdBy === who.personId || isOfficer(who, groupOf(invite.document)),
  }),
  /**
   * Import the member register for a group: the welcome officer of the group or of one above
   * it; a national administrator.
   */
  "members.import": rule({ on: "group", guests: false, allows: (who, group) => mayImport(who, group.path) }),
  /** Import rows that make someone a national administrator: a national administrator. */
  "members.grant_national_admin": rule({
    on: "national",
    guests: false,
    allows: (who) => holds(who, "national_admin"),
  }),
  /** End someone's membership of a group: the same people as members.import. */
  "members.manage": rule({ on: "group", guests: false, allows: (who, group) => mayImport(who, group.path) }),
  /**
   * See and apply a staged import: someone who may still import for its group and either
   * uploaded it or may import for the whole party (the national group ends every path).
   */
  "import.open": rule({
    on: "import",
    guests: false,
    allows: (who, staged) =>
      mayImport(who, staged.group.path) &&
      (staged.createdBy === who.personId || mayImport(who, staged.group.path.slice(-1))),
  }),
  /** Read the audit log: a national administrator. */
  "audit.read": rule({ on: "national", guests: false, allows: (who) => holds(who, "national_admin") }),
  /** List and search a group's motions, see its motion periods: its members (each sees what motion.read allows). */
  "motion.list": rule({ on: "group", guests: false, allows: (who, group) => inGroup(who, group.groupId) }),
  /** Start a motion or idea draft in a group: its members. */
  "motion.create": rule({ on: "group", guests: false, allows: (who, group) => inGroup(who, group.groupId) }),
  /** Open a motion period (set the deadline and its rules): the group's board. */
  "motion.periods": rule({ on: "group", guests: false, allows: (who, group) => onBoard(who, group.groupId) }),
  /**
   * See a motion: its authors; once it leaves the draft, the members of its group. To
   * anyone else it does not exist (404), and every other motion route asks this first.
   */
  "motion.read": rule({
    on: "motion",
    guests: false,
    conceal: "refusal-as-absence",
    allows: seesMotion,
  }),
  /** Write the live text: its authors, while it is a draft or collecting supporters; then nobody. */
  "motion.write": rule({
    on: "motion",
    guests: false,
    allows: (who, motion) => isAuthor(who, motion) && isEditable(motion.state),
  }),
  /** Invite co-authors, open for support, turn an idea into a motion, submit: its authors (the route checks the state). */
  "motion.manage": rule({ on: "motion", guests: false, allows: isAuthor }),
  /** Support (co-sign) a motion: a member of its group who does not write it. */
  "motion.support": rule({
    on: "motion",
    guests: false,
    allows: (who, motion) => inGroup(who, motion.group.groupId) && !isAuthor(who, motion),
  }),
  /**
   * Write the board's statement, accept or reject amendments, record the meeting's
   * decisions, adopt, send on or reject: the board of its group.
   */
  "motion.treat": rule({
    on: "motion",
    guests: false,
    allows: (who, motion) => onBoard(who, motion.group.groupId),
  }),
  /** Propose amendments to a submitted motion: the members of its group (the route checks the state). */
  "motion.amend": rule({
    on: "motion",
    guests: false,
    allows: (who, motion) => motion.state !== "draft" && inGroup(who, motion.group.groupId),
  }),
  /**
   * Comment on the text, reply, resolve and reopen threads: whoever may see the motion, so a
   * draft's authors only; once it leaves the draft, the members of its group.
   */
  "motion.comment": rule({
    on: "motion",
    guests: false,
    allows: seesMotion,
  }),
  /**
   * List a group's consultations: its members (what asks it) and its asking level (what it
   * asks); the route shows each only her part.
   */
  "consultation.list": rule({
    on: "group",
    guests: false,
    allows: (who, group) => inGroup(who, group.groupId) || asks(who, group),
  }),
  /** Ask: the national office for the party, a district's board for its own groups. */
  "consultation.create": rule({
    on: "group",
    guests: false,
    allows: (who, group) => (group.kind === "national" || group.kind === "district") && asks(who, group),
  }),
  /**
   * See a consultation: its asking level; once published, the members of the groups it asks
   * and the boards of the districts it asks in. To anyone else it does not exist (404).
   */
  "consultation.read": rule({
    on: "consultation",
    guests: false,
    conceal: "refusal-as-absence",
    allows: (who, c) =>
      asks(who, c.asker) || (c.phase !== "draft" && (c.askedAmong.length > 0 || readsForDistrict(who, c))),
  }),
  /** Edit the draft, publish, tag answers, quote them, publish the summary: the asking level. */
  "consultation.manage": rule({
    on: "consultation",
    guests: false,
    allows: (who, c) => asks(who, c.asker),
  }),
  /**
   * Read the results (rates, answers, members' own answers, search, tags, quotes) and export
   * them: the asking level; once published, a district's board for the groups in its district
   * (the routes narrow to them).
   */
  "consultation.results": rule({
    on: "consultation",
    guests: false,
    allows: (who, c) => asks(who, c.asker) || (c.phase !== "draft" && readsForDistrict(who, c)),
  }),
  /**
   * Open an asked group's workspace and read its live texts: the group's members. The asking
   * level reads only what the group submitted, through the results.
   */
  "consultation.workspace": rule({
    on: "consultation_workspace",
    guests: false,
    allows: (who, w) => inGroup(who, w.group.groupId),
  }),
  /** Write the group's texts and choices: its members, while open and not submitted (or reopened). */
  "consultation.write": rule({
    on: "consultation_workspace",
    guests: false,
    allows: (who, w) => inGroup(who, w.group.groupId) && w.phase === "open" && !w.submitted,
  }),
  /** Submit, reopen: the group's chair or secretary (the route checks the deadline). */
  "consultation.submit": rule({
    on: "consultation_workspace",
    guests: false,
    allows: (who, w) => chairOrSecretary(who, w.group.groupId),
  }),
  /** Answer for herself: a member of the group, where the consultation asks for individual answers. */
  "consultation.individual": rule({
    on: "consultation_workspace",
    guests: false,
    allows: (who, w) => w.individuals && inGroup(who, w.group.groupId),
  }),
  /** See a group's meetings: its members. */
  "meeting.list": rule({ on: "group", guests: false, allows: (who, group) => inGroup(who, group.groupId) }),
  /** Plan a meeting for a group: its chair or secretary. */
  "meeting.plan": rule({
    on: "group",
    guests: false,
    allows: (who, group) => chairOrSecretary(who, group.groupId),
  }),
  /**
   * See a meeting: whoever may attend it. To anyone else it does not exist (404); every
   * other meeting route asks this first.
   */
  "meeting.read": rule({ on: "meeting", guests: true, conceal: "refusal-as-absence", allows: attends }),
  /** Join the live meeting, read its notes and minutes: members of its group, its officers; guests of an open meeting. */
  "meeting.attend": rule({ on: "meeting", guests: true, allows: attends }),
  /** Edit the meeting and mail its invitations: the group's chair or secretary, the meeting's chair or secretary. */
  "meeting.manage": rule({ on: "meeting", guests: false, allows: managesMeeting }),
  /** Make a guest invite link: whoever manages an open meeting that has not closed. */
  "meeting.invite": rule({
    on: "meeting",
    guests: false,
    allows: (who, meeting) =>
      meeting.access === "open" && meeting.state !== "closed" && managesMeeting(who, meeting),
  }),
  /** Write the agenda items' notes: whoever attends, guests of an open meeting too, until it closes. */
  "meeting.notes": rule({
    on: "meeting",
    guests: true,
    allows: (who, meeting) => meeting.state !== "closed" && attends(who, meeting),
  }),
  /**
   * Write the minutes and hand them to the adjusters: the meeting's secretary, until they are
   * frozen. While no secretary is elected its chair holds her rights, or nobody could.
   */
  "meeting.minutes": rule({
    on: "meeting",
    guests: false,
    allows: (who, meeting) =>
      !meeting.minutesFrozen &&
      (officerOf(who, meeting, "secretary") ||
        (!meeting.officers.some((o) => o.role === "secretary") && officerOf(who, meeting, "chair"))),
  }),
  /** Approve (justera) the minutes: the meeting's adjusters, until they are frozen. */
  "meeting.approve": rule({
    on: "meeting",
    guests: false,
    allows: (who, meeting) => !meeting.minutesFrozen && officerOf(who, meeting, "adjuster"),
  }),
} as const satisfies Record<Action, { on: ResourceType; guests: boolean; conceal?: Concealment }>;

type RuleOf<A extends Action> = (typeof rules)[A];
/** A row seen from authorize(): its resource type is checked at run time. */
interface AnyRule {
  on: ResourceType;
  guests: boolean;
  conceal?: Concealment;
  allows(who: Person | Guest, resource: Resource): boolean;
}

/** The identity a handler behind `requirePermission(action)` sees: guests only where the row admits them. */
export type IdentityFor<A extends Action> = RuleOf<A>["guests"] extends true ? Person | Guest : Person;
/** The resource type an action is about. */
export type ResourceOf<A extends Action> = Extract<Resource, { type: RuleOf<A>["on"] }>;
/** The actions about one resource type: what a document kind may name as its read and write. */
export type ActionOn<T extends ResourceType> = {
  [A in Action]: RuleOf<A>["on"] extends T ? A : never;
}[Action];

export function concealmentOf(action: Action): Concealment | undefined {
  return (rules[action] as AnyRule).conceal;
}

/**
 * The document of her invite, or a document that belongs to it (a meeting's notes and
 * minutes resolve to the meeting her invite opens).
 */
function onHerDocument(guest: Guest, resource: Resource): boolean {
  if (!("documentId" in resource)) return false;
  return (
    resource.documentId === guest.documentId ||
    (resource.type === "document" && onHerDocument(guest, resource.of))
  );
}

export function authorize(identity: Identity, action: Action, resource: Resource): boolean {
  const row: AnyRule = rules[action];
  if (identity.kind === "anonymous" || resource.type !== row.on) return false;
  if (identity.kind === "guest" && !(row.guests && onHerDocument(identity, resource))) return false;
  return row.allows(identity, resource);
}

/**
 * A person as rows that look at roles (and at who made a resource) see her, without a
 * session or a name: to judge someone who is not the one asking, such as the person who
 * made an invite.
 */
export function byRoles(personId: string, grants: RoleGrant[]): Person {
  return { kind: "person", personId, sessionId: "", name: "", grants };
}

/**
 * What `/api/me` reports as `can` for one of a person's groups: the group actions the table
 * allows her there. An action on the national level counts in the national group only.
 */
export function allowedGroupActions(grants: RoleGrant[], group: GroupResource): GroupAction[] {
  // Group rows look at roles only, never at the person.
  const who = byRoles("", grants);
  return groupActions.filter((action) => {
    const on = rules[action].on;
    const resource = on === "group" ? group : group.kind === "national" ? national : null;
    return resource !== null && authorize(who, action, resource);
  });
}

/** What a motion's page offers the asker (`MotionView.can`): the motion actions the table allows her. */
export function allowedMotionActions(identity: Identity, motion: MotionResource): MotionAction[] {
  return motionActions.filter((action) => authorize(identity, action, motion));
}

/** What a consultation's page offers the asker (`ConsultationView.can`). */
export function allowedConsultationActions(
  identity: Identity,
  consultation: ConsultationResource,
): ConsultationAction[] {
  return consultationActions.filter((action) => authorize(identity, action, consultation));
}

/** What a workspace offers the asker (`Workspace.can`). */
export function allowedWorkspaceActions(identity: Identity, workspace: WorkspaceResource): WorkspaceAction[] {
  return workspaceActions.filter((action) => authorize(identity, action, workspace));
}

/** What a meeting's page offers the asker (`MeetingView.can`): the meeting actions the table allows her. */
export function allowedMeetingActions(identity: Identity, meeting: MeetingResource): MeetingAction[] {
  return meetingActions.filter((action) => authorize(identity, action, meeting));
}
