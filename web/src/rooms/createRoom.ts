import { type Accessor, createSignal, onCleanup } from "solid-js";
import type { Awareness } from "y-protocols/awareness";
import type { RoomMode } from "../../../worker/shared/rooms";
import type { RoomEndReason } from "./policy";
import {
  RoomConnection,
  type RoomConnectionOptions,
  type RoomState,
  type RoomStatus,
} from "./RoomConnection";

export interface Room {
  connection: RoomConnection;
  state: Accessor<RoomState>;
  status: Accessor<RoomStatus>;
  reason: Accessor<RoomEndReason | undefined>;
  mode: Accessor<RoomMode>;
  /** The name the room shows others, once welcomed. */
  name: Accessor<string | undefined>;
  synced: Accessor<boolean>;
  /** Try again now (after `closed`, or to skip a backoff). */
  reconnect(): void;
}

/**
 * Joins a room for the lifetime of the calling component (or root): the connection starts
 * at once and is destroyed on cleanup. The doc and awareness belong to the caller.
 */
export function createRoom(options: RoomConnectionOptions): Room {
  return adoptRoom(new RoomConnection(options));
}

/**
 * A connection started before the calling component (a motion's first editor,
 * web/src/motions/first), owned by it from now on: destroyed on cleanup like createRoom's.
 */
export function adoptRoom(connection: RoomConnection): Room {
  const [state, setState] = createSignal<RoomState>(connection.current);
  const unsubscribe = connection.subscribe((next) => setState(next));
  onCleanup(() => {
    unsubscribe();
    connection.destroy();
  });
  return {
    connection,
    state,
    status: () => state().status,
    reason: () => state().reason,
    mode: () => state().mode,
    name: () => state().name,
    synced: () => state().synced,
    reconnect: () => connection.reconnect(),
  };
}

export interface Participant {
  clientId: number;
  name: string;
  /** A 6-digit hex colour, when the participant has one. */
  color: string | undefined;
  /** A guest, as the room marks her from her token (no client can set or drop the marker). */
  guest: boolean;
  /** This browser tab. */
  self: boolean;
}

const hexColour = /^#[0-9a-fA-F]{6}$/;

/** Everyone present who has a name (set by the collaboration caret's `user` field): you first, then by name. */
export function participantsOf(awareness: Awareness): Participant[] {
  const list: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown; guest?: unknown } } | null)?.user;
    if (!user || typeof user.name !== "string" || !user.name.trim()) continue;
    list.push({
      clientId,
      name: user.name,
      color: typeof user.color === "string" && hexColour.test(user.color) ? user.color : undefined,
      guest: user.guest === true,
      self: clientId === awareness.clientID,
    });
  }
  return list.sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

/** The people present, kept up to date from awareness changes (reactive). */
export function createPresence(awareness: Awareness): Accessor<Participant[]> {
  const [participants, setParticipants] = createSignal(participantsOf(awareness), {
    equals: (a, b) =>
      a.length === b.length &&
      a.every(
        (p, i) =>
          p.clientId === b[i]?.clientId &&
          p.name === b[i]?.name &&
          p.color === b[i]?.color &&
          p.guest === b[i]?.guest &&
          p.self === b[i]?.self,
      ),
  });
  const onChange = () => setParticipants(participantsOf(awareness));
  awareness.on("change", onChange);
  onCleanup(() => awareness.off("change", onChange));
  return participants;
}
