import { expect } from "vitest";
import type { CreateMeeting } from "../../worker/shared/meeting-schemas";
import type {
  MeetingCommand,
  MeetingLiveState,
  MeetingServerMessage,
  MeetingView,
  MeetingYou,
  Participant,
} from "../../worker/shared/meetings";
import { api, env, logInAs, postJson, seed } from "./helpers";
import { openSocket, sessionRoomToken } from "./rooms";

/**
 * People for the meeting tests, in Göteborg's branch: Bengt chairs the branch (he plans),
 * Cecilia sits on its board, Hanna and Ivar are plain members added here, and David is a
 * member elsewhere (Stockholm), to whom Göteborg's meetings do not exist.
 */
export const meetingPeople = ["demo-bengt", "demo-cecilia", "demo-hanna", "demo-ivar", "demo-david"] as const;
export type MeetingPerson = (typeof meetingPeople)[number];

/** Seeds the demo data, adds Hanna and Ivar, and logs everyone in: their session cookies. */
export async function addMeetingPeople(): Promise<Map<string, string>> {
  await seed();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT OR IGNORE INTO people (id, name, email, created_at) VALUES ('demo-hanna', 'Hanna Test', 'hanna@samtal.example', ?), ('demo-ivar', 'Ivar Test', 'ivar@samtal.example', ?)",
    ).bind(now, now),
    env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (person_id, group_id, role, created_at) SELECT p.id, g.id, 'member', ? FROM groups g, (SELECT 'demo-hanna' AS id UNION SELECT 'demo-ivar') p WHERE g.kind = 'branch' AND g.slug = 'goteborg'",
    ).bind(now),
  ]);
  const cookies = new Map<string, string>();
  for (const id of meetingPeople) cookies.set(id, await logInAs(id));
  return cookies;
}

/** A Stockholm wall-clock time `days` from now, as the form sends it. */
export function localTime(days: number, hour = 18): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:00`;
}

/** Plans a meeting in Göteborg's branch as `cookie` (Bengt's by default) and returns it. */
export async function planMeeting(cookie: string, input: Partial<CreateMeeting> = {}): Promise<MeetingView> {
  const res = await postJson(
    "/api/meetings?group=branch:goteborg",
    {
      title: "Medlemsmöte",
      startsAt: localTime(2),
      endsAt: localTime(2, 20),
      access: "members",
      ...input,
    },
    cookie,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as MeetingView;
}

export function getAs(path: string, cookie: string | undefined) {
  return api(path, cookie ? { headers: { Cookie: cookie } } : undefined);
}

/**
 * A participant's connection to a meeting room, through the real Worker: the token from her
 * session, the upgrade, then JSON frames both ways. Keeps every frame it got, and the latest
 * state, participants and own part as a client would.
 */
export class MeetingClient {
  readonly frames: MeetingServerMessage[] = [];
  state: Extract<MeetingServerMessage, { type: "state" }> | null = null;
  you: MeetingYou | null = null;
  participants = new Map<string, Participant>();
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (event) => {
      const frame = JSON.parse(String(event.data)) as MeetingServerMessage;
      this.frames.push(frame);
      if (frame.type === "state") {
        this.state = frame;
        this.you = frame.you;
      }
      if (frame.type === "you") this.you = frame.you;
      if (frame.type === "participants")
        this.participants = new Map(frame.participants.map((p) => [p.id, p]));
      if (frame.type === "participant") this.participants.set(frame.participant.id, frame.participant);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
    );
  }

  send(command: MeetingCommand | Record<string, unknown> | string): void {
    this.ws.send(typeof command === "string" ? command : JSON.stringify(command));
  }

  /** The first frame from now on (or already among the last `since` frames) that `match` accepts. */
  async next<T extends MeetingServerMessage["type"]>(
    type: T,
    match: (frame: Extract<MeetingServerMessage, { type: T }>) => boolean = () => true,
    from = this.frames.length,
  ): Promise<Extract<MeetingServerMessage, { type: T }>> {
    const deadline = Date.now() + 5000;
    let seen = from;
    for (;;) {
      for (; seen < this.frames.length; seen++) {
        const frame = this.frames[seen] as MeetingServerMessage;
        if (frame.type === type && match(frame as Extract<MeetingServerMessage, { type: T }>)) {
          return frame as Extract<MeetingServerMessage, { type: T }>;
        }
      }
      if (Date.now() > deadline) throw new Error(`no ${type} frame within 5 s`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /**
   * Asks for the state and waits for it: the room answers in order on this socket, after
   * every change it sent before, so afterwards `state` is the room's as it is now.
   */
  async sync(): Promise<void> {
    const from = this.frames.length;
    this.send({ type: "sync" });
    await this.next("state", () => true, from);
  }

  /** The meeting as the room holds it now. */
  async view(): Promise<MeetingLiveState> {
    await this.sync();
    if (!this.state) throw new Error("no state");
    return this.state.meeting;
  }

  /** Sends a command that must be accepted, and waits for its answer: a newer state or her own part. */
  async command(command: MeetingCommand): Promise<MeetingServerMessage> {
    await this.sync();
    const from = this.frames.length;
    const version = this.state?.version ?? 0;
    this.send(command);
    const deadline = Date.now() + 5000;
    for (;;) {
      const answer = this.frames.slice(from).find(
        (f) =>
          (f.type === "error" && f.ref === command.type) ||
          // A sync is answered with the state as it is; anything else that changes it, with a newer one.
          (f.type === "state" && (f.version > version || command.type === "sync")) ||
          f.type === "you",
      );
      if (answer?.type === "error") throw new Error(`${command.type} refused: ${answer.code}`);
      if (answer) return answer;
      if (Date.now() > deadline) throw new Error(`no answer to ${command.type}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Sends a command that must be refused with `code`. */
  async refused(command: MeetingCommand | Record<string, unknown> | string, code: string): Promise<void> {
    const from = this.frames.length;
    this.send(command);
    const error = await this.next("error", () => true, from);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(0);
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

/** Joins a meeting with a room token from the session in `cookie`; resolves once the first state arrived. */
export async function joinMeeting(meetingId: number, cookie: string): Promise<MeetingClient> {
  const documentId = `meeting:${meetingId}`;
  const client = new MeetingClient(await openSocket(documentId, await sessionRoomToken(documentId, cookie)));
  await client.next("state", () => true, 0);
  return client;
}
