import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { roomCloseCodes } from "../../../worker/shared/rooms";
import { setLocale } from "../i18n";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import type { RoomEndReason } from "./policy";
import type { RoomState } from "./RoomConnection";
import { RoomStatus, roomReasonMessage, roomStatusText } from "./RoomStatus";

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

const state = (patch: Partial<RoomState>): RoomState => ({
  status: "connecting",
  reason: undefined,
  mode: "write",
  name: undefined,
  synced: false,
  ...patch,
});

describe("RoomStatus", () => {
  it("says each status in plain language, in a polite live region", () => {
    const [current, setCurrent] = createSignal(state({}));
    render(() => <RoomStatus state={current()} />);
    const region = screen.getByRole("status");
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(region.textContent).toBe("Ansluter…");
    setCurrent(state({ status: "connected", synced: true }));
    expect(region.textContent).toBe("Ansluten");
    setCurrent(state({ status: "reconnecting", synced: true }));
    expect(region.textContent).toBe("Återansluter…");
    setCurrent(state({ status: "offline", synced: true }));
    expect(region.textContent).toBe("Offline – dina ändringar sparas och skickas när du är ansluten igen");
    setLocale("en");
    expect(region.textContent).toBe("Offline – your changes are kept and sent when you reconnect");
    setCurrent(state({ status: "reconnecting", synced: true }));
    expect(region.textContent).toBe("Reconnecting…");
  });

  it("gives the reason for a close and offers to try again", () => {
    const retry = vi.fn();
    render(() => <RoomStatus state={state({ status: "closed", reason: "read_only" })} onRetry={retry} />);
    expect(screen.getByRole("status").textContent).toBe("Du kan bara läsa det här dokumentet.");
    fireEvent.click(screen.getByRole("button", { name: "Anslut igen" }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it("does not offer to try again when log-in is what is missing", () => {
    render(() => (
      <RoomStatus state={state({ status: "closed", reason: "login_required" })} onRetry={() => {}} />
    ));
    expect(screen.getByRole("status").textContent).toMatch(/Logga in för att öppna/);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("explains a rate limit while reconnecting, and stays plain for routine reasons", () => {
    expect(roomStatusText({ status: "reconnecting", reason: "rate_limited" })).toBe(
      "För många ändringar på kort tid. Vi ansluter igen om en stund.",
    );
    expect(roomStatusText({ status: "reconnecting", reason: "token_expired" })).toBe("Återansluter…");
  });

  it("has a message for every close reason in both languages", () => {
    const reasons = [...Object.keys(roomCloseCodes), "login_required"] as RoomEndReason[];
    for (const reason of reasons) {
      const swedish = roomReasonMessage(reason);
      expect(swedish).toBe(sv[`room.reason.${reason}` as keyof typeof sv]);
      setLocale("en");
      expect(roomReasonMessage(reason)).toBe(en[`room.reason.${reason}` as keyof typeof en]);
      expect(roomReasonMessage(reason)).not.toBe(swedish);
      setLocale("sv");
    }
  });
});
