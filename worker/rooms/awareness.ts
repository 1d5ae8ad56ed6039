import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { RoomTokenClaims } from "../shared/rooms";
import { awarenessLimits } from "./limits";
import { MalformedFrame } from "./protocol";

/** One client's presence as it travels: Yjs client id, a clock, and the state as JSON ("null" = gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    if (count > awarenessLimits.maxEntriesPerMessage) throw new MalformedFrame("too many awareness entries");
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (state.length > awarenessLimits.maxStateBytes) throw new MalformedFrame("awareness state too large");
      JSON.parse(state);
      entries.push({ clientId, clock, state });
    }
    return entries;
  } catch (err) {
    if (err instanceof MalformedFrame) throw err;
    throw new MalformedFrame("undecodable awareness update");
  }
}

export function encodeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const entry of list) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/** What the room says about a connection's person, whatever her client claims: from her token. */
export type TrustedUser = Pick<RoomTokenClaims, "name" | "guest">;

/**
 * Replaces the name a client claims with the one from its token, and the guest marker with
 * the token's: `guest: true` for a guest, none for a member, so neither can pass as the other.
 */
function withTrustedUser(state: string, trusted: TrustedUser): string {
  const parsed: unknown = JSON.parse(state);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return "null";
  const record = parsed as Record<string, unknown>;
  const user = record.user && typeof record.user === "object" ? (record.user as Record<string, unknown>) : {};
  const { guest: _claimed, ...unmarked } = user;
  const marker = trusted.guest ? { guest: true } : {};
  return JSON.stringify({ ...record, user: { ...unmarked, name: trusted.name, ...marker } });
}

/**
 * Relays presence between a room's connections. Each Yjs client id belongs to the first
 * connection that claims it (y-websocket #126: otherwise any client can rewrite or delete
 * anyone's cursor), the displayed name and the guest marker come from the token, and changes
 * are coalesced so that a burst of cursor moves reaches each peer as one frame per flush.
 *
 * One exception to "first claim wins": the same person (token subject) reconnecting. After
 * a network drop the old socket may look alive for a while, and the client keeps its Yjs
 * client id, so the new connection takes the id over.
 */
export class AwarenessRelay<Connection> {
  constructor(private readonly sameSubject: (a: Connection, b: Connection) => boolean) {}

  private readonly owners = new Map<number, Connection>();
  private readonly owned = new Map<Connection, Set<number>>();
  private readonly current = new Map<number, AwarenessEntry>();
  private readonly pending = new Map<number, AwarenessEntry>();

  /** Rebuilds ownership and states after the object woke from hibernation. */
  restore(connection: Connection, entries: AwarenessEntry[]) {
    for (const entry of entries) {
      this.claim(connection, entry.clientId);
      if (entry.state !== "null") this.current.set(entry.clientId, entry);
    }
  }

  /**
   * Applies a connection's awareness update. Returns the entries it now owns (to keep in
   * its hibernation attachment). Entries for client ids owned by someone else, or over
   * the per-connection limit, are dropped.
   */
  receive(connection: Connection, entries: AwarenessEntry[], trusted: TrustedUser): AwarenessEntry[] {
    for (const entry of entries) {
      let owner = this.owners.get(entry.clientId);
      if (owner !== undefined && owner !== connection) {
        if (!this.sameSubject(owner, connection)) continue;
        this.release(owner, entry.clientId);
        owner = undefined;
      }
      if (owner === undefined) {
        if (this.ownedBy(connection).length >= awarenessLimits.clientsPerConnection) continue;
        this.claim(connection, entry.clientId);
      }
      const previous = this.current.get(entry.clientId);
      if (previous && entry.clock <= previous.clock) continue;
      const accepted =
        entry.state === "null" ? entry : { ...entry, state: withTrustedUser(entry.state, trusted) };
      if (accepted.state === "null") this.current.delete(entry.clientId);
      else this.current.set(entry.clientId, accepted);
      this.pending.set(entry.clientId, accepted);
    }
    return this.ownedBy(connection).map(
      (clientId) => this.current.get(clientId) ?? { clientId, clock: 0, state: "null" },
    );
  }

  /** A connection left: tell everyone its clients are gone, and forget them. */
  remove(connection: Connection) {
    for (const clientId of this.ownedBy(connection)) {
      const clock = (this.current.get(clientId)?.clock ?? 0) + 1;
      this.pending.set(clientId, { clientId, clock, state: "null" });
      this.current.delete(clientId);
      this.owners.delete(clientId);
    }
    this.owned.delete(connection);
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The coalesced changes since the last call, as one awareness update, or null. */
  takePending(): Uint8Array | null {
    if (!this.pending.size) return null;
    const update = encodeAwarenessUpdate(this.pending.values());
    this.pending.clear();
    return update;
  }

  /** Everyone's current presence, for a connection that just joined. */
  snapshot(): Uint8Array | null {
    return this.current.size ? encodeAwarenessUpdate(this.current.values()) : null;
  }

  private release(connection: Connection, clientId: number) {
    this.owners.delete(clientId);
    this.owned.get(connection)?.delete(clientId);
  }

  private claim(connection: Connection, clientId: number) {
    this.owners.set(clientId, connection);
    const ids = this.owned.get(connection) ?? new Set<number>();
    ids.add(clientId);
    this.owned.set(connection, ids);
  }

  private ownedBy(connection: Connection): number[] {
    return [...(this.owned.get(connection) ?? [])];
  }
}
