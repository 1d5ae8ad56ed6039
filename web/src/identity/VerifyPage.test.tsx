import { screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { errorMessages } from "../../../worker/shared/errors";
import { apiError, fakeApi } from "../api/testing";
import { setLocale } from "../i18n";
import { renderAt } from "../ui/testing";
import { rememberNextPath } from "./next";
import { currentPerson, sessionStatus } from "./session";
import { bengt, freshStateForEachTest } from "./testing";
import VerifyPage, { tokenFromHash } from "./VerifyPage";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

freshStateForEachTest();

/** The verify page at `address`, in a router whose history the test can read. */
function open(address: string) {
  return renderAt(address, {
    "/login/verify": VerifyPage,
    "/me": () => <h1>Mina sidor</h1>,
    "/documents/:id": () => <h1>Dokument</h1>,
  });
}

describe("tokenFromHash", () => {
  it("reads a 43-character token from the fragment, and nothing else", () => {
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
    expect(tokenFromHash(`token=${token}`)).toBe(token);
    expect(tokenFromHash("#token=short")).toBeUndefined();
    expect(tokenFromHash(`#token=${token}x`)).toBeUndefined();
    expect(tokenFromHash("")).toBeUndefined();
  });
});

describe("VerifyPage", () => {
  it("takes the token out of the address at once, spends it, and lands on my pages logged in", async () => {
    const api = fakeApi({ "POST /api/auth/verify": () => bengt });
    const history = open(`/login/verify#token=${token}`);
    const addresses: string[] = [];
    history.listen((value) => addresses.push(value));
    await vi.waitFor(() => expect(history.get()).toBe("/me"));
    // The token's address was replaced before the person moved on: it is nowhere in history.
    expect(addresses).toEqual(["/login/verify", "/me"]);
    history.back();
    expect(history.get()).toBe("/me");
    expect(api.requests).toEqual(["POST /api/auth/verify"]);
    const [spent] = api.callsTo("POST /api/auth/verify");
    expect(spent?.json).toEqual({ token });
    expect(spent?.headers["content-type"]).toBe("application/json");
    expect(currentPerson()?.name).toBe("Bengt Olsson");
    expect(sessionStatus()).toBe("ready");
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Mina sidor");
  });

  it("goes back to the page remembered before log-in", async () => {
    fakeApi({ "POST /api/auth/verify": () => bengt });
    rememberNextPath("/documents/scratch:demo");
    const history = open(`/login/verify#token=${token}`);
    await vi.waitFor(() => expect(history.get()).toBe("/documents/scratch:demo"));
  });

  for (const code of ["login_link_used", "login_link_expired", "login_link_invalid"] as const) {
    it(`explains ${code} in plain language, with a way to ask for a new link`, async () => {
      fakeApi({ "POST /api/auth/verify": () => apiError(400, code) });
      const history = open(`/login/verify#token=${token}`);
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toBe(errorMessages[code].sv);
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Det gick inte att logga in");
      expect(screen.getByRole("link", { name: "Begär en ny inloggningslänk" }).getAttribute("href")).toBe(
        "/login",
      );
      await vi.waitFor(() => expect(history.get()).toBe("/login/verify"));
      expect(currentPerson()).toBeNull();
      setLocale("en");
      expect(alert.textContent).toBe(errorMessages[code].en);
      expect(screen.getByRole("link", { name: "Ask for a new log-in link" })).toBeTruthy();
    });
  }

  it("says the link is invalid without asking the server when there is no usable token", async () => {
    const api = fakeApi();
    const history = open("/login/verify#token=tampered");
    expect((await screen.findByRole("alert")).textContent).toBe(errorMessages.login_link_invalid.sv);
    await vi.waitFor(() => expect(history.get()).toBe("/login/verify"));
    expect(api.requests).toEqual([]);
  });

  it("reports a lost connection as such", async () => {
    fakeApi({
      "POST /api/auth/verify": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    open(`/login/verify#token=${token}`);
    expect((await screen.findByRole("alert")).textContent).toBe(errorMessages.network.sv);
  });
});
