import { beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../../worker/http/security-headers";
import { motionPageHtml } from "../../worker/motions/page";
import { motionHeadStartId } from "../../worker/shared/head-start";
import type { MotionView } from "../../worker/shared/motions";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { headStartOf } from "../support/head-start";
import { acceptInvite, api, createInvite, env } from "./helpers";
import { cookies, draft, get, json, post, setUp, submitted } from "./motions-fixtures";
import { joinWithToken } from "./rooms";

/**
 * A motion's page (`GET /motions/:id`, worker/motions/page.ts): the built index.html with the
 * motion and its room token inline for whoever may read it, and for anyone else exactly what
 * every unknown path gets.
 */

const moduleScripts = (html: string) =>
  [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"[^>]*>/g)].map((m) => ({ tag: m[0], src: m[1] }));
const modulePreloads = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g)].map((m) => m[1]);

describe("the page's HTML, rewritten (a fixture shaped like dist/web/index.html)", () => {
  // As `vite build` writes it, plus the first editor's files on the head start script.
  const built = `<!doctype html>
<html lang="sv">
  <head>
    <script type="module" async crossorigin="" src="/assets/headStart-BGAcHuq7.js" data-motion-page-code="/assets/MotionPage-C7XbIbuo.js /assets/Form-C_u3SD1m.js" data-motion-writer-code="/assets/DocumentEditor-DZRNo6ZI.js /assets/createRoom-BOvmzdh0.js" data-motion-first-code="/assets/FirstEditor-a1.js /assets/yjs-b2.js"></script>

    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>samtal</title>
    <script type="module" crossorigin src="/assets/index-C2mTSHtf.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/i18n-bAzJCzrw.js">
    <link rel="modulepreload" crossorigin href="/assets/client-Chu91-I3.js">
    <link rel="stylesheet" crossorigin href="/assets/style-xN5KuYOU.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;
  // The rewrite only serialises the motion: any object stands in for one here.
  const motion = {
    id: 7,
    documentId: "motion:7",
    state: "draft",
    title: "Fler cykelbanor",
  } as unknown as MotionView;
  const token: RoomTokenResponse = { token: "v1.a.b", documentId: "motion:7", mode: "write", expiresAt: 1 };

  it("without a token adds only the JSON, as the first child of <head>", async () => {
    const html = await motionPageHtml(built, { motion });
    const script = `<script type="application/json" id="${motionHeadStartId}">${JSON.stringify({ motion })}</script>`;
    expect(html).toBe(built.replace("<head>", `<head>${script}`));
  });

  it("with a token takes the entry and its preloads out and preloads the first editor's code", async () => {
    const html = await motionPageHtml(built, { motion, token });
    expect(headStartOf(html)).toEqual({
      motion,
      token,
      app: {
        entry: "/assets/index-C2mTSHtf.js",
        preloads: ["/assets/i18n-bAzJCzrw.js", "/assets/client-Chu91-I3.js"],
      },
    });
    expect(moduleScripts(html).map((s) => s.src)).toEqual(["/assets/headStart-BGAcHuq7.js"]);
    // Right after the head start script, in its order; nothing else preloaded.
    expect(html).toContain(
      '</script><link rel="modulepreload" crossorigin href="/assets/FirstEditor-a1.js"><link rel="modulepreload" crossorigin href="/assets/yjs-b2.js">',
    );
    expect(modulePreloads(html)).toEqual(["/assets/FirstEditor-a1.js", "/assets/yjs-b2.js"]);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/style-xN5KuYOU.css">');
  });

  it("with a token and an empty first-editor list takes the entry out and preloads nothing", async () => {
    const html = await motionPageHtml(built.replace(/(data-motion-first-code=")[^"]*/, "$1"), {
      motion,
      token,
    });
    expect(headStartOf(html)?.app?.entry).toBe("/assets/index-C2mTSHtf.js");
    expect(moduleScripts(html).map((s) => s.src)).toEqual(["/assets/headStart-BGAcHuq7.js"]);
    expect(modulePreloads(html)).toEqual([]);
  });

  it("with a token but no first editor in the build leaves the app's scripts alone", async () => {
    const withoutFirstEditor = built.replace(/ data-motion-first-code="[^"]*"/, "");
    const html = await motionPageHtml(withoutFirstEditor, { motion, token });
    const script = `<script type="application/json" id="${motionHeadStartId}">${JSON.stringify({ motion, token })}</script>`;
    expect(html).toBe(withoutFirstEditor.replace("<head>", `<head>${script}`));
  });

  it("keeps a title from breaking out of the JSON", async () => {
    const title = "</script><script>alert(1)</script> <!-- & \u2028\u2029 -->";
    const evil = { ...motion, title } as MotionView;
    const html = await motionPageHtml(built, { motion: evil, token });
    const start = html.indexOf(`id="${motionHeadStartId}">`) + `id="${motionHeadStartId}">`.length;
    const content = html.slice(start, html.indexOf("</script>", start));
    expect(content).not.toMatch(/[<>&\u2028\u2029]/);
    expect(headStartOf(html)?.motion.title).toBe(title);
    expect(html).not.toContain("<script>alert(1)");
  });
});

describe("GET /motions/:id through the Worker (real D1, the built web app as assets)", () => {
  /** Any path that is no file gets the SPA's index.html from the assets layer. */
  const unknownPath = "/nothing/here";
  const compared = ["Content-Type", "Cache-Control", "ETag", ...Object.keys(securityHeaders)];
  let plain: { status: number; headers: (string | null)[]; body: string };
  let draftView: MotionView;
  let submittedId: number;
  let guestCookie: string;

  const asPlain = async (res: Response) => ({
    status: res.status,
    headers: compared.map((name) => res.headers.get(name)),
    body: await res.text(),
  });
  const page = (path: string, cookie = "", method = "GET") =>
    api(path, { method, headers: { Cookie: cookie } });

  beforeAll(async () => {
    const asset = await env.ASSETS.fetch(new Request(new URL(unknownPath, "http://samtal.test")));
    if (asset.status !== 200) throw new Error("no built web app in dist/web: run `npx vite build` first");
    plain = await asPlain(asset);
    await setUp(["demo-hanna", "demo-bengt", "demo-david"]);
    const created = await draft("demo-hanna", {
      title: "Fler cykelbanor",
      motivation: ["Det behövs."],
      proposals: ["bygga"],
    });
    draftView = await json<MotionView>(await get(`/api/motions/${created.id}`, "demo-hanna"));
    submittedId = (
      await submitted("demo-bengt", { title: "Mer bibliotek", motivation: ["Läs."], proposals: ["låna"] }, 60)
    ).motion.id;
    const invite = await createInvite(cookies.get("demo-bengt") ?? "", "scratch:motion-page");
    guestCookie = (await acceptInvite(invite.token, "Bo Ek")).cookie;
    expect(guestCookie).not.toBe("");
  });

  it("gives the draft's author the motion, a write token and the page rewritten for them", async () => {
    const res = await page(`/motions/${draftView.id}`, cookies.get("demo-hanna"));
    expect(res.status).toBe(200);
    const html = await res.text();
    const data = headStartOf(html);
    // Read after the page: the API's answer for the same person at the same moment.
    expect(data?.motion).toEqual(
      await json<MotionView>(await get(`/api/motions/${draftView.id}`, "demo-hanna")),
    );
    expect(data?.token).toMatchObject({ documentId: draftView.documentId, mode: "write" });
    // The built page, rewritten as the fixture tests above pin down (the first editor's
    // page once the build has one).
    expect(html).toBe(
      await motionPageHtml(plain.body, {
        motion: data?.motion as MotionView,
        ...(data?.token ? { token: data.token } : {}),
      }),
    );
  });

  it("answers it with no-store and exactly the assets' security headers", async () => {
    const res = await page(`/motions/${draftView.id}`, cookies.get("demo-hanna"));
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("ETag")).toBeNull();
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const asset = await env.ASSETS.fetch(new Request(new URL(unknownPath, "http://samtal.test")));
    for (const name of Object.keys(securityHeaders)) {
      expect(res.headers.get(name), name).toBe(asset.headers.get(name));
    }
  });

  it("answers HEAD with the same headers and no body", async () => {
    const res = await page(`/motions/${draftView.id}`, cookies.get("demo-hanna"), "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await res.text()).toBe("");
  });

  it("gives a token the room accepts", async () => {
    const res = await page(`/motions/${draftView.id}`, cookies.get("demo-hanna"));
    const token = headStartOf(await res.text())?.token;
    if (!token) throw new Error("no token in the page");
    const peer = await joinWithToken(draftView.documentId, token.token);
    expect(peer.syncedAt).not.toBeNull();
    peer.close();
  });

  it("gives a group member reading a motion open for support a read token", async () => {
    const collecting = await draft("demo-hanna", {
      title: "Öppen",
      motivation: ["Stöd den."],
      proposals: ["stödja"],
    });
    await json(await post(`/api/motions/${collecting.id}/open`, "demo-hanna"));
    const data = headStartOf(
      await (await page(`/motions/${collecting.id}`, cookies.get("demo-bengt"))).text(),
    );
    expect(data?.motion).toEqual(
      await json<MotionView>(await get(`/api/motions/${collecting.id}`, "demo-bengt")),
    );
    expect(data?.motion.state).toBe("collecting");
    expect(data?.token).toMatchObject({ documentId: collecting.documentId, mode: "read" });
  });

  it("gives a reader of a submitted motion the motion only, on the page as built", async () => {
    const res = await page(`/motions/${submittedId}`, cookies.get("demo-hanna"));
    const html = await res.text();
    const data = headStartOf(html);
    expect(data?.motion).toEqual(
      await json<MotionView>(await get(`/api/motions/${submittedId}`, "demo-hanna")),
    );
    expect(data?.motion.state).toBe("submitted");
    expect(Object.keys(data ?? {})).toEqual(["motion"]);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    // Nothing taken out: the built page after the JSON.
    expect(html.replace(/<script type="application\/json"[^>]*>.*?<\/script>/s, "")).toBe(plain.body);
  });

  const unchanged: [string, () => string, () => string | undefined][] = [
    ["someone not logged in", () => `/motions/${draftView.id}`, () => undefined],
    ["a member of another group", () => `/motions/${draftView.id}`, () => cookies.get("demo-david")],
    [
      "a group member, for a draft she does not write",
      () => `/motions/${draftView.id}`,
      () => cookies.get("demo-bengt"),
    ],
    ["a guest", () => `/motions/${draftView.id}`, () => guestCookie],
    ["an unknown motion", () => "/motions/999999", () => cookies.get("demo-hanna")],
    ["an id that is no id", () => "/motions/abc", () => cookies.get("demo-hanna")],
    ["a path below a motion", () => `/motions/${draftView.id}/more`, () => cookies.get("demo-hanna")],
  ];
  for (const [who, path, cookie] of unchanged) {
    it(`gives ${who} what any unknown path gets, byte for byte`, async () => {
      expect(await asPlain(await page(path(), cookie()))).toEqual(plain);
    });
  }

  it("serves the plain page when D1 fails on the way", async () => {
    for (const table of ["sessions", "motions"]) {
      await env.DB.exec(`ALTER TABLE ${table} RENAME TO ${table}_away`);
      try {
        expect(await asPlain(await page(`/motions/${draftView.id}`, cookies.get("demo-hanna")))).toEqual(
          plain,
        );
      } finally {
        await env.DB.exec(`ALTER TABLE ${table}_away RENAME TO ${table}`);
      }
    }
    // And back to normal once D1 is.
    expect(
      headStartOf(await (await page(`/motions/${draftView.id}`, cookies.get("demo-hanna"))).text()),
    ).toBeDefined();
  });
});
