/**
 * The party at full scale, as activity per month: what the cost model multiplies the
 * measured per-unit costs by. The counts come from the brief (95,000 members; 290 branches
 * holding two 2-hour meetings a month with 20 people; 30 motions per branch a year
 * co-written over a week; four national consultations a year answered by 2,290 groups; the
 * national congress, 500 participants over 3 days); how people behave inside each is an
 * assumption, written next to it. Meetings, motions and consultations are not built yet:
 * each is modelled as its live document plus a budget of messages for its other live parts
 * (agenda, speaker list, polls).
 */
export interface Activity {
  feature: string;
  /** How many happen in a month (yearly events divided by 12). */
  perMonth: number;
  /** People with the document open at once (each receives every broadcast). */
  participants: number;
  /** Wall-clock time with at least one connection open (what a non-hibernating server is billed for). */
  connectedSeconds: number;
  /** Summed over people: time connected (presence heartbeats and other live messages). */
  personSeconds: number;
  /** Keystrokes typed into the document (each one update and one cursor message). */
  keystrokes: number;
  /** Others with the document open while someone types (they receive each keystroke). */
  keystrokeRecipients: number;
  /** Messages for the feature's other live parts, per person per minute, sent to everyone. */
  liveMessagesPerPersonMinute: number;
  /** WebSocket connections opened (first joins and reconnects). */
  joins: number;
  /** Other API requests to the Worker (pages, lists, forms; static assets are free). */
  apiRequests: number;
  /** Server-side reads of the document (exports, the national office reading answers). */
  serverReads: number;
}

/** Typing speed while someone is actually typing (keystrokes per second). */
export const typingRate = 5;
/**
 * y-protocols' Awareness renews a person's presence every 15 s (half its 30 s timeout):
 * one message per person per 15 s while a document is open, even when nobody types.
 */
export const presenceHeartbeatSeconds = 15;

const hour = 3600;

export const partyActivities: Activity[] = [
  {
    // 290 branches × 2 meetings a month, 2 hours, 20 people; the live notes are open by all,
    // two note-takers type a quarter of the time; everyone joins once and reconnects twice.
    feature: "branch meetings",
    perMonth: 290 * 2,
    participants: 20,
    connectedSeconds: 2 * hour,
    personSeconds: 20 * 2 * hour,
    keystrokes: 2 * 2 * hour * 0.25 * typingRate,
    keystrokeRecipients: 19,
    liveMessagesPerPersonMinute: 1,
    joins: 20 * 3,
    apiRequests: 20 * 20,
    serverReads: 2,
  },
  {
    // 290 branches × 30 motions a year, co-written over a week: 3 authors, 4 sessions of
    // 30 minutes each, typing a fifth of the time, usually one co-author watching; then 20
    // members read it (5 minutes each) before the branch treats it.
    feature: "motions",
    perMonth: (290 * 30) / 12,
    participants: 2,
    connectedSeconds: 3 * 4 * 0.5 * hour + 20 * 300,
    personSeconds: 3 * 4 * 0.5 * hour * 2 + 20 * 300,
    keystrokes: 3 * 4 * 0.5 * hour * 0.2 * typingRate,
    keystrokeRecipients: 1,
    liveMessagesPerPersonMinute: 0,
    joins: 3 * 4 * 2 + 20,
    apiRequests: (3 * 4 + 20) * 10,
    serverReads: 3,
  },
  {
    // 4 consultations a year × 2,290 groups: each answers in a 1-hour session of 6 people,
    // two typing 30 % of the time; the national office reads and exports every answer.
    feature: "consultation answers",
    perMonth: (4 * 2290) / 12,
    participants: 6,
    connectedSeconds: hour,
    personSeconds: 6 * hour,
    keystrokes: 2 * hour * 0.3 * typingRate,
    keystrokeRecipients: 5,
    liveMessagesPerPersonMinute: 0.5,
    joins: 6 * 2 + 2,
    apiRequests: 6 * 15,
    serverReads: 4,
  },
  {
    // The national congress once a year: 500 participants, 3 days of 8 hours, all in the
    // live minutes; 3 secretaries type 30 % of the time; voting and the speaker list send 1
    // message per person per minute; each person connects 4 times a day.
    feature: "national congress",
    perMonth: 1 / 12,
    participants: 500,
    connectedSeconds: 3 * 8 * hour,
    personSeconds: 500 * 3 * 8 * hour,
    keystrokes: 3 * 3 * 8 * hour * 0.3 * typingRate,
    keystrokeRecipients: 499,
    liveMessagesPerPersonMinute: 1,
    joins: 500 * 3 * 4,
    apiRequests: 500 * 3 * 100,
    serverReads: 50,
  },
  {
    // Everyone else: 95,000 members, a third of them using the app in a month, 3 visits of
    // 15 API requests (log-in, my pages, group lists, search); no live documents.
    feature: "members' everyday use",
    perMonth: 1,
    participants: 0,
    connectedSeconds: 0,
    personSeconds: 0,
    keystrokes: 0,
    keystrokeRecipients: 0,
    liveMessagesPerPersonMinute: 0,
    joins: 0,
    apiRequests: 95_000 * (1 / 3) * 3 * 15,
    serverReads: 0,
  },
];

/** Documents are kept (stored) for this long: storage is billed for a year's documents at once. */
export const retentionMonths = 12;

/**
 * D1 rows per request, estimated from the queries each route runs (the Worker's D1 results
 * are not visible from outside it): a token request reads the session, the person and their
 * memberships; an upgrade upserts one room_connections row (row + index); an API request
 * reads about ten rows through indexes and seldom writes.
 */
export const d1Rows = {
  tokenRequest: { read: 10, written: 0 },
  upgrade: { read: 1, written: 2 },
  apiRequest: { read: 10, written: 0.2 },
};

/**
 * How long a storage write keeps the room from hibernating: the output gate holds its
 * messages until the write is replicated. Not measurable locally; assumed.
 */
export const commitWaitSeconds = 0.005;
