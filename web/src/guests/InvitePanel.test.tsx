import { cleanup, fireEvent, render, screen, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GuestInvite } from "../../../worker/shared/identity";
import { setLocale } from "../i18n";
import { fakeApi, jsonResponse } from "../identity/testing";
import { InvitePanel, inviteState } from "./InvitePanel";

const now = Date.now();
const day = 24 * 3600 * 1000;
const invite = (id: string, documentId: string, more: Partial<GuestInvite> = {}): GuestInvite => ({
  id,
  documentId,
  createdAt: now - day,
  expiresAt: now + 6 * day,
  revokedAt: null,
  guests: 0,
  ...more,
});
const link = "http://samtal.test/invite#token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

beforeEach(() => setLocale("sv"));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setLocale("sv");
});

/** The fake API's invites: this document's and another's, changed by create and withdraw. */
function fakeInvites(initial: GuestInvite[]) {
  let list = initial;
  const calls = fakeApi((call) => {
    if (call.method === "GET" && call.path === "/api/invites") return jsonResponse(200, list);
    if (call.method === "POST" && call.path === "/api/invites") {
      const created = invite("new-invite-0123456", "scratch:here", { createdAt: now });
      list = [created, ...list];
      return jsonResponse(201, { ...created, link });
    }
    const withdrawn = /^\/api\/invites\/(.+)$/.exec(call.path)?.[1];
    if (call.method === "DELETE" && withdrawn) {
      list = list.map((i) => (i.id === withdrawn ? { ...i, revokedAt: now } : i));
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
  return calls;
}

const items = () =>
  within(screen.getByTestId("invite-list"))
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");

describe("InvitePanel", () => {
  it("lists only this document's invites, with their guests and where they stand", async () => {
    fakeInvites([
      invite("active-invite-01234", "scratch:here", { guests: 2 }),
      invite("elsewhere-invite-012", "scratch:elsewhere"),
      invite("expired-invite-0123", "scratch:here", { expiresAt: now - 1, guests: 1 }),
    ]);
    render(() => <InvitePanel documentId="scratch:here" />);
    await screen.findByTestId("invite-list");
    const [active, expired] = items();
    expect(items()).toHaveLength(2);
    expect(active).toContain("2 gäster har gått med");
    expect(active).toContain("Gäller till");
    expect(expired).toContain("1 gäst har gått med");
    expect(expired).toContain("Gick ut");
    // Only a live invite can be withdrawn; the button names which one.
    const buttons = within(screen.getByTestId("invite-list")).getAllByRole("button", {
      name: "Dra tillbaka",
    });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.getAttribute("aria-describedby")).toBe("invite-active-invite-01234");
  });

  it("creates a link to copy, and copies it", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const calls = fakeInvites([]);
    render(() => <InvitePanel documentId="scratch:here" />);
    expect((await screen.findByText("Du har inte bjudit in några gäster hit ännu.")).tagName).toBe("P");

    fireEvent.click(screen.getByRole("button", { name: "Skapa inbjudningslänk" }));
    const field = (await screen.findByLabelText("Inbjudningslänk")) as HTMLInputElement;
    expect(field.value).toBe(link);
    expect(field.readOnly).toBe(true);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ documentId: "scratch:here" });
    expect(screen.getByTestId("invite-status").textContent).toBe(
      "Länken är skapad. Kopiera den och skicka den till dem du vill bjuda in.",
    );
    await vi.waitFor(() => expect(items()).toHaveLength(1));

    fireEvent.click(screen.getByRole("button", { name: "Kopiera länk" }));
    await vi.waitFor(() =>
      expect(screen.getByTestId("invite-status").textContent).toBe("Länken är kopierad."),
    );
    expect(writeText).toHaveBeenCalledWith(link);
  });

  it("selects the link for copying by hand when the clipboard is refused", async () => {
    vi.stubGlobal("navigator", {
      ...navigator,
      clipboard: { writeText: vi.fn(async () => Promise.reject(new Error("denied"))) },
    });
    fakeInvites([]);
    render(() => <InvitePanel documentId="scratch:here" />);
    fireEvent.click(await screen.findByRole("button", { name: "Skapa inbjudningslänk" }));
    const field = (await screen.findByLabelText("Inbjudningslänk")) as HTMLInputElement;
    fireEvent.click(screen.getByRole("button", { name: "Kopiera länk" }));
    await vi.waitFor(() =>
      expect(screen.getByTestId("invite-status").textContent).toMatch(/^Länken är markerad\./),
    );
    expect(document.activeElement).toBe(field);
  });

  it("withdraws an invite and says what that means", async () => {
    const calls = fakeInvites([invite("active-invite-01234", "scratch:here", { guests: 1 })]);
    render(() => <InvitePanel documentId="scratch:here" />);
    await screen.findByTestId("invite-list");
    fireEvent.click(screen.getByRole("button", { name: "Dra tillbaka" }));
    await vi.waitFor(() =>
      expect(screen.getByTestId("invite-status").textContent).toBe(
        "Inbjudan är tillbakadragen. Gästerna har inte längre tillgång till dokumentet.",
      ),
    );
    expect(calls.find((c) => c.method === "DELETE")?.path).toBe("/api/invites/active-invite-01234");
    await vi.waitFor(() => expect(items()[0]).toContain("Tillbakadragen"));
    expect(screen.queryByRole("button", { name: "Dra tillbaka" })).toBeNull();

    setLocale("en");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Invite guests");
    expect(items()[0]).toContain("1 guest has joined");
  });
});

describe("inviteState", () => {
  it("is revoked before expired before active", () => {
    expect(inviteState(invite("a", "scratch:x", { revokedAt: now, expiresAt: now - 1 }), now)).toBe(
      "revoked",
    );
    expect(inviteState(invite("a", "scratch:x", { expiresAt: now }), now)).toBe("expired");
    expect(inviteState(invite("a", "scratch:x"), now)).toBe("active");
  });
});
