import { documentOf } from "../access/documents";
import { featureApp } from "../http/app";
import { ApiError, failureDetail } from "../http/errors";
import { setSecurityHeaders } from "../http/security-headers";
import { validate } from "../http/validate";
import { guestSessionMiddleware } from "../identity/guests";
import { sessionMiddleware } from "../identity/sessions";
import { roomTokenFor } from "../rooms/grant";
import {
  type MotionHeadStart,
  motionFirstCodeAttribute,
  motionHeadStartId,
  motionPageCodeAttribute,
} from "../shared/head-start";
import { isEditable } from "../shared/motions";
import { motionIdParamSchema } from "../shared/motions-schemas";
import { motionDocuments } from "./kind";
import { canSee, viewOf } from "./routes";

/**
 * `GET /motions/:id`, a motion's page: the web app's index.html, and for a person who may
 * read the motion, the motion (and for a live text, a room token) inline, so that the page's
 * first script needs no API round trip before it shows the motion and opens its room
 * (docs/benchmarks.md, "motion-page"). wrangler.toml runs the Worker first for /motions/*.
 *
 * Anyone else (nobody logged in, a guest, a motion that does not exist or that she may not
 * see, an id that is no id) gets the asset exactly as the assets layer serves any other
 * path, so the page says nothing about whether the motion exists; so does a failure on the
 * way (a D1 error), since the plain page still works, asking the API itself.
 */

/** Content that goes inside `<script type="application/json">`: no `</script>`, no `<!--`. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function attributeValue(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const entrySelector = 'script[type="module"][src]';
const preloadSelector = 'link[rel~="modulepreload"][href]';
const headStartSelector = `script[${motionPageCodeAttribute}]`;

/** What the first editor takes over from the built page: the app's entry, its preloads, its own code. */
interface FirstEditorCode {
  entry: string;
  preloads: string[];
  firstCode: string[];
}

/**
 * Reads the built page's code; undefined when it has no first editor to hand over to. The
 * entry is the module script without `async` (the head start is the async one). A build
 * has a first editor when its head start script carries `data-motion-first-code` (empty
 * when it needs no file of its own): without one, taking out the entry would leave a page
 * that never starts. The page is a couple of kilobytes, read in full so that the JSON,
 * which has to come first, can already say what the rest of `<head>` held.
 */
async function firstEditorCode(html: string): Promise<FirstEditorCode | undefined> {
  let entry: string | undefined;
  let firstCode: string[] | undefined;
  const preloads: string[] = [];
  await new HTMLRewriter()
    .on(entrySelector, {
      element(script) {
        if (!script.hasAttribute("async")) entry ??= script.getAttribute("src") ?? undefined;
      },
    })
    .on(preloadSelector, {
      element(link) {
        preloads.push(link.getAttribute("href") ?? "");
      },
    })
    .on(headStartSelector, {
      element(script) {
        firstCode = script.getAttribute(motionFirstCodeAttribute)?.split(" ").filter(Boolean);
      },
    })
    .transform(new Response(html))
    .text();
  return entry && firstCode ? { entry, preloads, firstCode } : undefined;
}

/**
 * The page with `data` inline: a `<script type="application/json" id="samtal-head-start">`
 * as the first child of `<head>`. With a room token, and a first editor in the build, also
 * the page for the first editor: the app's entry script and its preloads come out (their
 * names go into the JSON's `app`), and the first editor's own files are preloaded right
 * after the head start script.
 */
export async function motionPageHtml(html: string, data: Omit<MotionHeadStart, "app">): Promise<string> {
  const code = data.token ? await firstEditorCode(html) : undefined;
  const headStart: MotionHeadStart = code
    ? { ...data, app: { entry: code.entry, preloads: code.preloads } }
    : data;
  let rewriter = new HTMLRewriter().on("head", {
    element(head) {
      head.prepend(
        `<script type="application/json" id="${motionHeadStartId}">${jsonForHtml(headStart)}</script>`,
        { html: true },
      );
    },
  });
  if (code) {
    rewriter = rewriter
      .on(entrySelector, {
        element(script) {
          if (!script.hasAttribute("async") && script.getAttribute("src") === code.entry) script.remove();
        },
      })
      .on(preloadSelector, {
        element(link) {
          link.remove();
        },
      })
      .on(headStartSelector, {
        element(script) {
          const links = code.firstCode.map(
            (href) => `<link rel="modulepreload" crossorigin href="${attributeValue(href)}">`,
          );
          if (links.length) script.after(links.join(""), { html: true });
        },
      });
  }
  return rewriter.transform(new Response(html)).text();
}

export const motionPageRoutes = featureApp()
  .get(
    "/:id",
    validate("param", motionIdParamSchema),
    sessionMiddleware,
    guestSessionMiddleware,
    canSee,
    async (c) => {
      const identity = c.get("identity");
      const inline = async (): Promise<Omit<MotionHeadStart, "app">> => {
        const found = c.get("resource");
        const motion = await viewOf(c.env, found, identity);
        // The motion found for canSee is the room's resource too: no second lookup.
        const token = isEditable(motion.state)
          ? await roomTokenFor(c.env, identity, documentOf(motionDocuments, motion.documentId, found))
          : null;
        return token ? { motion, token } : { motion };
      };
      // Not the browser's request: a conditional one could answer 304, with no page to fill.
      const [page, data] = await Promise.all([c.env.ASSETS.fetch(new Request(c.req.url)), inline()]);
      const type = page.headers.get("Content-Type") ?? "";
      if (page.status !== 200 || !type.startsWith("text/html")) return c.env.ASSETS.fetch(c.req.raw);
      const html = await motionPageHtml(await page.text(), data);
      // The charset in the header, whatever the asset's said: the JSON pushes `<meta charset>`
      // past the first 1024 bytes, where a browser looks for it. Personal: never stored by the
      // browser or anything in between. The assets layer's own security headers
      // (dist/web/_headers) come from the same module as these.
      const headers = new Headers({
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "private, no-store",
      });
      setSecurityHeaders(headers);
      return new Response(html, { headers });
    },
  )
  .all("*", (c) => c.env.ASSETS.fetch(c.req.raw))
  .onError((error, c) => {
    // A refusal is the normal way here; anything else is worth knowing about.
    if (!(error instanceof ApiError) || error.status >= 500) {
      console.error(
        JSON.stringify({ event: "motion_page_plain", route: c.req.routePath, ...failureDetail(error) }),
      );
    }
    return c.env.ASSETS.fetch(c.req.raw);
  });
