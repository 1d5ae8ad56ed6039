import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import type { GuestMe } from "../../../worker/shared/identity";
import { apiError, fakeApi, type Handlers } from "../api/testing";
import { setLocale } from "../i18n";
import { currentGuest, joinedAsGuest, refreshSession } from "../identity/session";
import { freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import InvitePage, { inviteTokenStorageKey } from "./InvitePage";
import { inviteTokenFromHash } from "./paths";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
const sara: GuestMe = { kind: "guest", name: "Sara", documentId: "scratch:open-meeting" };

freshStateForEachTest();

/** The invite page at `address`, in a router whose history the test can read. */
function open(address: string) {
  return renderAt(address, { "/invite": InvitePage, "/documents/:id": () => <h1>Dokument</h1> });
}

/** Nobody is logged in on this browser (and, without a handler for /api/guest, no guest either). */
const nobody = { "GET /api/me": () => apiError(401, "not_logged_in") } satisfies Handlers;

function join(name: string) {
  fireEvent.input(screen.getByLabelText("Vad vill du kallas?"), { target: { value: name } });
  fireEvent.click(screen.getByRole("button", { name: "Gå med som gäst" }));
}

describe("inviteTokenFromHash", () => {
  it("reads a 43-character token from the fragment, and nothing else", () => {
    expect(inviteTokenFromHash(`#token=${token}`)).toBe(token);
    expect(inviteTokenFromHash("#token=short")).toBeUndefined();
    expect(inviteTokenFromHash("")).toBeUndefined();
  });
});

describe("InvitePage", () => {
  it("takes the token out of the address, asks for a name, joins and opens the document", async () => {
    const api = fakeApi({ ...nobody, "POST /api/invites/accept": () => sara });
    const history = open(`/invite#token=${token}`);
    await vi.waitFor(() => expect(history.get()).toBe("/invite"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Välkommen till samtalet");
    expect(screen.getByText(/behöver inte vara medlem/)).toBeTruthy();
    // A reload before she has chosen a name keeps the link working (this tab only).
    expect(sessionStorage.getItem(inviteTokenStorageKey)).toBe(token);

    // No name yet: said next to the field, nothing sent.
    fireEvent.click(screen.getByRole("button", { name: "Gå med som gäst" }));
    expect(screen.getByRole("alert").textContent).toBe("Skriv vad du vill kallas.");
    expect(screen.getByLabelText("Vad vill du kallas?").getAttribute("aria-invalid")).toBe("true");
    expect(api.callsTo("POST /api/invites/accept")).toEqual([]);

    join("  Sara ");
    await vi.waitFor(() => expect(history.get()).toBe("/documents/scratch:open-meeting"));
    expect(api.callsTo("POST /api/invites/accept").map((call) => call.json)).toEqual([
      { token, name: "Sara" },
    ]);
    expect(currentGuest()).toEqual(sara);
    expect(sessionStorage.getItem(inviteTokenStorageKey)).toBeNull();
  });

  it("explains a withdrawn invite, with no form to try again", async () => {
    fakeApi({ ...nobody, "POST /api/invites/accept": () => apiError(400, "invite_revoked") });
    open(`/invite#token=${token}`);
    join("Sara");
    expect((await screen.findByTestId("invite-error")).textContent).toBe("Inbjudan har dragits tillbaka.");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Det gick inte att gå med");
    expect(screen.queryByLabelText("Vad vill du kallas?")).toBeNull();
    expect(sessionStorage.getItem(inviteTokenStorageKey)).toBeNull();
  });

  it("treats a token the API cannot read as an invalid link", async () => {
    fakeApi({ ...nobody, "POST /api/invites/accept": () => apiError(400, "validation_failed") });
    open(`/invite#token=${token}`);
    join("Sara");
    expect((await screen.findByTestId("invite-error")).textContent).toBe(
      "Inbjudningslänken är ogiltig. Be den som bjöd in dig om en ny.",
    );
  });

  it("keeps the form when the server cannot be reached, so she can try again", async () => {
    fakeApi({
      ...nobody,
      "POST /api/invites/accept": () => {
        throw new TypeError("offline");
      },
    });
    open(`/invite#token=${token}`);
    join("Sara");
    expect((await screen.findByTestId("invite-problem")).textContent).toBe(
      "Ingen kontakt med servern. Kontrollera din uppkoppling.",
    );
    expect(screen.getByRole("button", { name: "Gå med som gäst" })).toBeTruthy();
  });

  it("says a link without a token is not valid, in English too", async () => {
    fakeApi(nobody);
    open("/invite#token=broken");
    expect((await screen.findByTestId("invite-error")).textContent).toBe(
      "Inbjudningslänken är ogiltig. Be den som bjöd in dig om en ny.",
    );
    setLocale("en");
    expect(screen.getByTestId("invite-error").textContent).toBe(
      "The invite link is not valid. Ask whoever invited you for a new one.",
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Could not join");
  });

  it("sends a guest who comes back without a link to her document", async () => {
    fakeApi(nobody);
    joinedAsGuest(sara);
    open("/invite");
    expect((await screen.findByText("Du deltar redan som gäst: Sara.")).tagName).toBe("P");
    expect(screen.getByRole("link", { name: "Gå till samtalet" }).getAttribute("href")).toBe(
      "/documents/scratch:open-meeting",
    );
  });
});

describe("the session knows a guest", () => {
  it("asks /api/guest when no member is logged in", async () => {
    fakeApi({ ...nobody, "GET /api/guest": () => sara });
    await refreshSession();
    expect(currentGuest()).toEqual(sara);
  });

  it("is nobody when there is no guest session either", async () => {
    fakeApi(nobody);
    await refreshSession();
    expect(currentGuest()).toBeNull();
  });
});
