import { type Accessor, createSignal, onCleanup } from "solid-js";
import type { MeetingCommand, MeetingOfficerRole } from "../../../../worker/shared/meetings";
import { fetchRoomToken } from "../../rooms/roomToken";
import {
  MeetingConnection,
  type MeetingConnectionOptions,
  type MeetingConnectionState,
} from "./MeetingConnection";

export interface MeetingLive {
  state: Accessor<MeetingConnectionState>;
  /** The latest refusal (an error code), or "network" when a command could not be sent. */
  refusal: Accessor<string | undefined>;
  /** Receipts of the ballots cast from this tab, by vote id (kept in memory only). */
  receipts: Accessor<Record<number, string>>;
  /** Sends a command to the room; the room's answer changes the state, or is a refusal. */
  send(command: MeetingCommand): void;
  /** Whether the room says this person holds the role (its chair sees the chair's controls). */
  holds(role: MeetingOfficerRole): boolean;
  reconnect(): void;
}

/** Joins a live meeting for the calling component's lifetime, as Solid signals. */
export function createMeetingLive(
  documentId: string,
  overrides: Partial<MeetingConnectionOptions> = {},
): MeetingLive {
  const [refusal, setRefusal] = createSignal<string>();
  const [receipts, setReceipts] = createSignal<Record<number, string>>({});
  const connection = new MeetingConnection({
    documentId,
    getToken: () => fetchRoomToken(documentId),
    onRefusal: ({ code }) => setRefusal(code),
    onReceipt: ({ voteId, receipt }) => setReceipts((all) => ({ ...all, [voteId]: receipt })),
    ...overrides,
  });
  const [state, setState] = createSignal(connection.current);
  const unsubscribe = connection.subscribe(setState);
  onCleanup(() => {
    unsubscribe();
    connection.destroy();
  });
  return {
    state,
    refusal,
    receipts,
    send(command) {
      setRefusal(undefined);
      if (!connection.send(command)) setRefusal("network");
    },
    holds: (role) => state().you?.officer.includes(role) ?? false,
    reconnect: () => connection.reconnect(),
  };
}
