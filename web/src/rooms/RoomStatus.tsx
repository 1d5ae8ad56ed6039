import { Show } from "solid-js";
import { type MessageKey, t } from "../i18n";
import type { RoomEndReason } from "./policy";
import type { RoomState } from "./RoomConnection";
import "./RoomStatus.css";

const reasonKeys = {
  normal: "room.reason.normal",
  going_away: "room.reason.going_away",
  message_too_big: "room.reason.message_too_big",
  internal_error: "room.reason.internal_error",
  malformed_message: "room.reason.malformed_message",
  token_invalid: "room.reason.token_invalid",
  token_expired: "room.reason.token_expired",
  read_only: "room.reason.read_only",
  document_too_large: "room.reason.document_too_large",
  rate_limited: "room.reason.rate_limited",
  access_revoked: "room.reason.access_revoked",
  login_required: "room.reason.login_required",
  forbidden: "room.reason.forbidden",
} as const satisfies Record<RoomEndReason, MessageKey>;

/** The plain-language message for why a room connection closed, in the current language. */
export function roomReasonMessage(reason: RoomEndReason): string {
  return t(reasonKeys[reason]);
}

/** Reasons worth saying while we reconnect; the others are routine and "Reconnecting…" is enough. */
const explainedWhileReconnecting: ReadonlySet<RoomEndReason> = new Set(["rate_limited"]);

/** What to tell people about a connection, in one sentence. */
export function roomStatusText(state: Pick<RoomState, "status" | "reason">): string {
  switch (state.status) {
    case "connecting":
      return t("room.status.connecting");
    case "connected":
      return t("room.status.connected");
    case "reconnecting":
      return state.reason && explainedWhileReconnecting.has(state.reason)
        ? roomReasonMessage(state.reason)
        : t("room.status.reconnecting");
    case "offline":
      return t("room.status.offline");
    case "closed":
      return roomReasonMessage(state.reason ?? "normal");
  }
}

/**
 * The connection's status as a live region: announced politely when it changes, never
 * by colour alone. A closed connection (other than "log in first") offers to try again.
 */
export function RoomStatus(props: { state: RoomState; onRetry?: () => void }) {
  return (
    <div class="room-status" data-status={props.state.status}>
      <p class="room-status-text" role="status" aria-live="polite" data-testid="room-status">
        <span class="room-status-dot" aria-hidden="true" />
        <span>{roomStatusText(props.state)}</span>
      </p>
      <Show
        when={props.state.status === "closed" && props.state.reason !== "login_required" && props.onRetry}
      >
        {(retry) => (
          <button type="button" class="button button-small" onClick={() => retry()()}>
            {t("room.retry")}
          </button>
        )}
      </Show>
    </div>
  );
}
