import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { GuestInvite } from "../../../worker/shared/identity";
import { fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { freshStateForEachTest } from "../identity/testing";
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

freshStateForEachTest();

/** The fake API's invites: this document's and another's, changed by create and withdraw. */
function fakeInvites(initial: GuestInvite[]) {
  let list = initial;
  return fakeApi({
    "GET /api/invites": () => list,
    "POST /api/invites": ({ json }) => {
      const created = invite("new-invite-0123456", json.documentId, { createdAt: now });
      list = [created, ...list];
      return { ...created, link };
    },
    "DELETE /api/invites/:id": ({ param }) => {
      list = list.map((i) => (i.id === param.id ? { ...i, revokedAt: now } : i));
    },
  });
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

  it("on a meeting, says what a guest may do in it rather than in a document", async () => {
    fakeInvites([]);
    render(() => <InvitePanel documentId="meeting:7" kind="meeting" />);
    expect((await screen.findByText(/^Med en inbjudningslänk/)).textContent).toContain(
      "delta i det här öppna mötet",
    );
    expect(screen.queryByText(/skriva i det här dokumentet/)).toBeNull();
  });

  it("creates a link to copy, and copies it", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const api = fakeInvites([]);
    render(() => <InvitePanel documentId="scratch:here" />);
    expect((await screen.findByText("Du har inte bjudit in några gäster hit ännu.")).tagName).toBe("P");

    fireEvent.click(screen.getByRole("button", { name: "Skapa inbjudningslänk" }));
    const field = (await screen.findByLabelText("Inbjudningslänk")) as HTMLInputElement;
    expect(field.value).toBe(link);
    expect(field.readOnly).toBe(true);
    expect(api.callsTo("POST /api/invites").map((call) => call.json)).toEqual([
      { documentId: "scratch:here" },
    ]);
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
    const api = fakeInvites([invite("active-invite-01234", "scratch:here", { guests: 1 })]);
    render(() => <InvitePanel documentId="scratch:here" />);
    await screen.findByTestId("invite-list");
    fireEvent.click(screen.getByRole("button", { name: "Dra tillbaka" }));
    await vi.waitFor(() =>
      expect(screen.getByTestId("invite-status").textContent).toBe(
        "Inbjudan är tillbakadragen. Gästerna har inte längre tillgång till dokumentet.",
      ),
    );
    expect(api.callsTo("DELETE /api/invites/:id").map((call) => call.param.id)).toEqual([
      "active-invite-01234",
    ]);
    await vi.waitFor(() => expect(items()[0]).toContain("Tillbakadragen"));
    expect(screen.queryByRole("button", { name: "Dra tillbaka" })).toBeNull();

    setLocale("en");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Invite guests");
    expect(items()[0]).toContain("1 guest has joined");
  });
});

describe("InvitePanel for an officer", () => {
  it("lists others' live invites to this document with who made them, and withdraws one", async () => {
    let others = [
      {
        ...invite("others-invite-0123", "scratch:here", { guests: 1 }),
        createdBy: { id: "p1", name: "Bengt Olsson" },
      },
      { ...invite("erased-invite-0123", "scratch:here"), createdBy: { id: "p2", name: null } },
      {
        ...invite("others-elsewhere-01", "scratch:elsewhere"),
        createdBy: { id: "p1", name: "Bengt Olsson" },
      },
    ];
    const api = fakeApi({
      "GET /api/invites": ({ query }) => (query.scope === "managed" ? others : []),
      "DELETE /api/invites/:id": ({ param }) => {
        others = others.filter((i) => i.id !== param.id);
      },
    });
    render(() => <InvitePanel documentId="scratch:here" />);
    const list = await screen.findByTestId("others-invite-list");
    const cards = () =>
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent ?? "");
    expect(cards()).toHaveLength(2);
    expect(cards()[0]).toContain("Gjord av Bengt Olsson");
    expect(cards()[1]).toContain("Gjord av Tidigare medlem");

    fireEvent.click(within(list).getAllByRole("button", { name: "Dra tillbaka" })[0] as HTMLElement);
    await vi.waitFor(() => expect(cards()).toHaveLength(1));
    expect(api.callsTo("DELETE /api/invites/:id").map((call) => call.param.id)).toEqual([
      "others-invite-0123",
    ]);
  });

  it("shows no list of others' invites to a member who may withdraw none", async () => {
    fakeInvites([invite("active-invite-01234", "scratch:here")]);
    render(() => <InvitePanel documentId="scratch:here" />);
    await screen.findByTestId("invite-list");
    expect(screen.queryByTestId("others-invite-list")).toBeNull();
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
