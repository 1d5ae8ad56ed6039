import { DurableObject } from "cloudflare:workers";
import { getDb } from "../../db/client";
import { failureDetail } from "../../http/errors";
import { echoClose, RoomConnections, safeSend } from "../../rooms/connections";
import { readHandoff } from "../../rooms/handoff";
import { meetingCommandRateLimit, SocketRateLimit } from "../../rooms/limits";
import { type ErrorCode, errorMessages, type Locale, negotiateLocale } from "../../shared/errors";
import { meetingCommandSchema } from "../../shared/meeting-schemas";
import { type MeetingServerMessage, maxMeetingFrameBytes } from "../../shared/meetings";
import { type RoomTokenClaims, roomCloseCodes } from "../../shared/rooms";
import { appendMinutes } from "../minutes";
import { runCommand } from "./commands";
import { loadFromRecord, plannedParts, recordAttendance, votingRightOf } from "./record";
import type { Outcome } from "./rules";
import { type LiveState, participantView, Refused, sharedView, youView } from "./state";

/** What each socket carries through hibernation. */
interface MeetingAttachment {
  claims: RoomTokenClaims;
  locale: Locale;
}

/** While people vote, the count of ballots goes out at most this often (one frame to everyone per interval). */
const tallyIntervalMs = 250;

/**
 * One live meeting (`meeting:<id>`): the authority for its agenda position, speaker lists,
 * timers, quick polls and formal votes. Clients connect like to any live document (a room
 * token, the Worker's admission, a handoff), then send JSON commands (MeetingCommand,
 * checked by meetingCommandSchema) and receive JSON frames (MeetingServerMessage).
 *
 * The state is one JSON row in the object's own SQLite, written before anything derived
 * from a change is sent (the output gate holds the frames until it is durable), so a
 * restart or an eviction loses nothing: the constructor reads it back. Sockets use the
 * hibernation API, so an idle meeting costs nothing; timers are a start time and a length
 * in the state, counted down by the clients, never ticks here. D1 holds the record (votes,
 * decisions, the roll); each command that has one writes it before the live state changes.
 *
 * Commands run one at a time, in order of arrival (a queue of promises, as D1 is awaited
 * between the check and the change), except ballots: hundreds may arrive at once, and
 * each is guarded on its own (commands.ts, castBallot).
 */
export class MeetingRoom extends DurableObject<Env> {
  private state: LiveState | null = null;
  private readonly connections: RoomConnections<MeetingAttachment>;
  /** The shared part of the snapshot as JSON, for the version it was built for. */
  private shared: { version: number; json: string } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private minutes: Promise<unknown> = Promise.resolve();
  private tallyTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly rate = new SocketRateLimit(meetingCommandRateLimit);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.connections = new RoomConnections<MeetingAttachment>(ctx);
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS meeting_state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)",
    );
    const [row] = ctx.storage.sql
      .exec<{ json: string }>("SELECT json FROM meeting_state WHERE id = 1")
      .toArray();
    if (row) this.state = JSON.parse(row.json) as LiveState;
  }

  /** A verified WebSocket upgrade from the Worker (worker/rooms/routes.ts), for `meeting:<id>`. */
  override async fetch(request: Request): Promise<Response> {
    const handoff = readHandoff(request);
    const meetingId = Number(/^meeting:([0-9]+)$/.exec(handoff?.claims.doc ?? "")?.[1]);
    if (!handoff || !meetingId || request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade from the Worker", { status: 400 });
    }
    const state = await this.load(meetingId);
    if (!state) return new Response("no such meeting", { status: 404 });
    const { claims } = handoff;
    const joined = await this.join(state, claims);

    const { 0: client, 1: server } = new WebSocketPair();
    const locale = negotiateLocale(request.headers.get("Accept-Language"));
    this.connections.accept(server, { claims, locale });
    this.send(server, this.participantList(state, claims.sub));
    this.sendState(server, claims.sub);
    if (joined) this.broadcastParticipant(claims.sub, null);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = this.connections.get(ws);
    const state = this.state;
    if (!attachment || !state) return this.closeSocket(ws, "internal_error");
    let type: string | null = null;
    try {
      // A flood is refused command by command (an error frame each), never by closing: a
      // voter must not lose her place in the meeting for a stuck button.
      if (!this.rate.take(ws)) throw new Refused("too_many_attempts");
      if (typeof message !== "string" || message.length > maxMeetingFrameBytes) {
        throw new Refused("meeting_bad_command");
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(message);
      } catch {
        throw new Refused("meeting_bad_command");
      }
      const command = meetingCommandSchema.safeParse(parsed);
      if (!command.success) throw new Refused("meeting_bad_command");
      type = command.data.type;
      if (command.data.type === "sync") return this.sendState(ws, attachment.claims.sub);
      const sender = state.participants[attachment.claims.sub];
      if (!sender) throw new Refused("meeting_not_allowed");
      const data = command.data;
      const run = () =>
        runCommand({ state, db: getDb(this.env.DB), env: this.env, now: Date.now() }, sender, data);
      const outcome = data.type === "vote.cast" ? await run() : await this.inTurn(run);
      this.publish(state, ws, outcome);
    } catch (err) {
      if (err instanceof Refused) return this.sendError(ws, attachment.locale, err.code, type);
      console.error(JSON.stringify({ event: "meeting_room_error", command: type, ...failureDetail(err) }));
      this.sendError(ws, attachment.locale, "internal", type);
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.leave(ws);
    echoClose(ws, code);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.leave(ws);
  }

  // --- Server-side API (RPC) ---

  /** Closes the sockets of ended sessions (worker/rooms/revocation.ts), like a document room. */
  closeSessions(sessionIds: string[]): number {
    const sockets = this.connections.ofSessions(sessionIds);
    for (const ws of sockets) this.closeSocket(ws, "access_revoked");
    return sockets.length;
  }

  /**
   * The planned meeting changed in D1 (its agenda, settings, officers, access): take it in and
   * tell everyone. A switch of access changes who is in and who votes: a members-only meeting
   * keeps no guests (the Worker has withdrawn their invites and closed their sockets) and gives
   * its members their vote, as joining would have; an open one gives nobody a vote.
   */
  async refresh(): Promise<void> {
    const state = this.state;
    if (state?.state !== "planned") return;
    await this.inTurn(async () => {
      const db = getDb(this.env.DB);
      const parts = await plannedParts(db, state.meetingId);
      if (!parts) return;
      const switched = parts.access !== state.access;
      Object.assign(state, parts);
      if (switched) await this.rejudgeParticipants(state);
      this.publish(state, null, { shared: true, participants: [], you: false, minutes: [] });
      if (switched) {
        for (const peer of this.connections.all()) this.send(peer, this.participantList(state, null));
      }
    });
  }

  /** Figures for tests and benchmarks. */
  stats() {
    const [row] = this.ctx.storage.sql
      .exec<{ bytes: number }>("SELECT length(json) AS bytes FROM meeting_state WHERE id = 1")
      .toArray();
    return {
      connections: this.connections.all().length,
      participants: this.state ? Object.keys(this.state.participants).length : 0,
      version: this.state?.version ?? 0,
      storedBytes: row?.bytes ?? 0,
    };
  }

  // --- Inside the room ---

  private async load(meetingId: number): Promise<LiveState | null> {
    if (!this.state) {
      await this.ctx.blockConcurrencyWhile(async () => {
        this.state ??= await loadFromRecord(getDb(this.env.DB), meetingId);
        if (this.state) this.persist(this.state);
      });
    }
    return this.state;
  }

  /** Runs `task` after every command before it has finished. */
  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Adds or updates the participant a token names. A person gets her vote from the roll (or,
   * before the opening, her membership) and is checked in the first time she comes; a guest
   * never votes. Answers whether her entry is new or changed (others are told).
   */
  private async join(state: LiveState, claims: RoomTokenClaims): Promise<boolean> {
    const known = state.participants[claims.sub];
    const guest = claims.guest === true;
    if (known) {
      const wasPresent = this.connections.ofSubject(claims.sub).length > 0;
      if (known.name === claims.name && wasPresent) return false;
      known.name = claims.name;
      this.persist(state);
      return true;
    }
    const db = getDb(this.env.DB);
    const votingRight =
      !guest &&
      state.access === "members" &&
      (await votingRightOf(db, state.meetingId, state.groupId, claims.sub));
    await recordAttendance(db, state.meetingId, { id: claims.sub, guest }, Date.now());
    state.participants[claims.sub] ??= {
      id: claims.sub,
      name: claims.name,
      guest,
      votingRight,
      checkedIn: votingRight,
    };
    this.persist(state);
    return true;
  }

  /** Who is in and who votes, after the meeting's access changed before its opening. */
  private async rejudgeParticipants(state: LiveState): Promise<void> {
    const db = getDb(this.env.DB);
    const everyone = Object.values(state.participants);
    const rights = await Promise.all(
      everyone.map((p) =>
        !p.guest && state.access === "members"
          ? votingRightOf(db, state.meetingId, state.groupId, p.id)
          : Promise.resolve(false),
      ),
    );
    everyone.forEach((p, i) => {
      if (p.guest && state.access === "members") {
        delete state.participants[p.id];
        return;
      }
      p.votingRight = rights[i] ?? false;
      p.checkedIn = p.votingRight;
    });
  }

  /** The whole participant list; `joining` counts as present before her socket is accepted. */
  private participantList(state: LiveState, joining: string | null): MeetingServerMessage {
    const participants = Object.values(state.participants).map((p) =>
      participantView(state, p, p.id === joining || this.connections.ofSubject(p.id).length > 0),
    );
    return { type: "participants", participants };
  }

  private leave(ws: WebSocket): void {
    const sub = this.connections.get(ws)?.claims.sub;
    if (sub && !this.connections.ofSubject(sub).some((other) => other !== ws))
      this.broadcastParticipant(sub, ws);
  }

  private persist(state: LiveState): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO meeting_state (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
      JSON.stringify(state),
    );
  }

  /** Stores what a command changed, then tells: everyone, the participants concerned, or the sender. */
  private publish(state: LiveState, ws: WebSocket | null, outcome: Outcome): void {
    if (outcome.shared) state.version += 1;
    this.persist(state);
    if (outcome.shared) {
      for (const peer of this.connections.all()) this.sendState(peer, this.subjectOf(peer));
    } else if (ws) {
      // Every command is answered: a command that changed only her own part (or nothing,
      // like asking to speak twice) gets her own part, on each of her connections.
      const sub = this.subjectOf(ws);
      const targets = outcome.you ? this.connections.ofSubject(sub) : [ws];
      for (const own of targets)
        this.send(own, { type: "you", version: state.version, you: youView(state, sub) });
    }
    for (const id of outcome.participants) this.broadcastParticipant(id, null);
    if (outcome.receipt && ws) this.send(ws, { type: "vote.receipt", ...outcome.receipt });
    if (outcome.tally !== undefined) this.scheduleTally();
    if (outcome.minutes.length) {
      const { meetingId } = state;
      const lines = outcome.minutes;
      // In order, after the change is stored; a failure is logged and the meeting goes on.
      this.minutes = this.minutes
        .then(() => appendMinutes(this.env, meetingId, lines))
        .catch((err) => console.error(JSON.stringify({ event: "minutes_failed", ...failureDetail(err) })));
      this.ctx.waitUntil(this.minutes);
    }
  }

  private subjectOf(ws: WebSocket): string {
    return this.connections.get(ws)?.claims.sub ?? "";
  }

  private sendState(ws: WebSocket, sub: string): void {
    const state = this.state;
    if (!state) return;
    if (this.shared?.version !== state.version) {
      this.shared = { version: state.version, json: JSON.stringify(sharedView(state, Date.now())) };
    }
    // The shared part is serialised once per version, however many receive it.
    const you = JSON.stringify(youView(state, sub));
    safeSend(ws, `{"type":"state","version":${state.version},"meeting":${this.shared.json},"you":${you}}`);
  }

  private broadcastParticipant(id: string, leaving: WebSocket | null): void {
    const state = this.state;
    const p = state?.participants[id];
    if (!state || !p) return;
    const present = this.connections.ofSubject(id).some((ws) => ws !== leaving);
    const frame = JSON.stringify({
      type: "participant",
      participant: participantView(state, p, present),
    } satisfies MeetingServerMessage);
    for (const peer of this.connections.all()) if (peer !== leaving) safeSend(peer, frame);
  }

  private scheduleTally(): void {
    if (this.tallyTimer) return;
    this.tallyTimer = setTimeout(() => {
      this.tallyTimer = null;
      for (const vote of this.state?.votes ?? []) {
        if (!vote.open) continue;
        const frame = JSON.stringify({ type: "tally", voteId: vote.id, voted: vote.voters.length });
        for (const peer of this.connections.all()) safeSend(peer, frame);
      }
    }, tallyIntervalMs);
  }

  private send(ws: WebSocket, message: MeetingServerMessage): void {
    safeSend(ws, JSON.stringify(message));
  }

  private sendError(ws: WebSocket, locale: Locale, code: ErrorCode, ref: string | null): void {
    this.send(ws, { type: "error", code, message: errorMessages[code][locale], ref });
  }

  private closeSocket(ws: WebSocket, reason: "access_revoked" | "internal_error"): void {
    this.leave(ws);
    try {
      ws.close(roomCloseCodes[reason].code, reason);
    } catch {
      // already closing
    }
  }
}
