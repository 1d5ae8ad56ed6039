import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Axe from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { en } from "../../web/src/i18n/en";

/** axe-core's browser bundle, evaluated in a page the first time it is checked. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** What every page is held to: WCAG 2.0 and 2.1, levels A and AA. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const settledBinding = "__samtalPageSettled";
const cspBinding = "__samtalCspViolation";
/** Names the page's DOM as it is: changes with every change, and differs between documents. */
const domVersion = "__samtalDomVersion";

interface CspViolation {
  directive: string;
  blocked: string;
  disposition: string;
  source: string;
}

interface Violation {
  id: string;
  help: string;
  targets: string[];
}

/**
 * Runs in every document a checked page loads, before the page's own scripts: reports
 * Content-Security-Policy violations as they happen, and calls back when the page has
 * settled (no DOM change for a quarter second, or at most every two seconds while it keeps
 * changing), so a state reached by a click, not only by a load, is checked too.
 */
function pageProbe(names: { settled: string; csp: string; version: string }) {
  if (window !== window.top) return;
  let changes = 0;
  const setVersion = () => Object.assign(window, { [names.version]: `${performance.timeOrigin}:${changes}` });
  setVersion();
  const call = (name: string, ...args: unknown[]) => {
    const binding = (window as unknown as Record<string, (...a: unknown[]) => Promise<void>>)[name];
    binding?.(...args).catch(() => {});
  };
  document.addEventListener(
    "securitypolicyviolation",
    (event) =>
      call(names.csp, {
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        disposition: event.disposition,
        source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : "",
      }),
    true,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changingSince = 0;
  const changed = () => {
    changes++;
    setVersion();
    const now = performance.now();
    changingSince ||= now;
    clearTimeout(timer);
    const wait = now - changingSince > 2000 ? 0 : 250;
    timer = setTimeout(() => {
      changingSince = 0;
      call(names.settled);
    }, wait);
  };
  new MutationObserver(changed).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  changed();
}

/**
 * Every message key of the web app. A key shown as text means its string was not there: a
 * Swedish key in a feature's part (`messages.sv.ts`) that the page's code never imported.
 */
const messageKeys = new Set(Object.keys(en));

/** Errors that only mean the page moved on or closed while being checked. */
const pageGone =
  /Execution context was destroyed|Target page, context or browser has been closed|Target closed|frame was detached/i;

/**
 * Accessibility (axe-core, WCAG 2.1 AA) and Content-Security-Policy checks for every page of
 * the contexts it watches, on the app's own origin (another site's pages, such as the
 * OpenID provider's, are not ours to fix). Findings are collected, not thrown: the fixture
 * fails the test with all of them once the test is done.
 */
export class PageChecks {
  private readonly findings = new Set<string>();
  private readonly runs = new WeakMap<Page, { done: Promise<void>; again: boolean }>();
  /** The DOM version each page was last checked at: unchanged, it need not be checked again. */
  private readonly checkedAt = new WeakMap<Page, string>();

  constructor(private readonly appOrigin: () => string) {}

  async watch(context: BrowserContext): Promise<void> {
    await context.exposeBinding(settledBinding, ({ page }) => this.check(page));
    await context.exposeBinding(cspBinding, ({ page }, violation: CspViolation) => {
      if (!this.isApp(page)) return;
      const { directive, blocked, disposition, source } = violation;
      const reportOnly = disposition === "report" ? " (report-only)" : "";
      this.record(
        `${where(page)}: Content-Security-Policy${reportOnly} ${directive} blocked ${blocked || "inline"}${source ? ` at ${source}` : ""}`,
      );
    });
    await context.addInitScript(pageProbe, { settled: settledBinding, csp: cspBinding, version: domVersion });
    context.on("page", (page) => this.checkBeforeLeaving(page));
  }

  /**
   * Checks the page as it is now. A check asked for while one runs is done once that one
   * ends, so the last state is always checked.
   */
  check(page: Page): Promise<void> {
    const running = this.runs.get(page);
    if (running) {
      running.again = true;
      return running.done;
    }
    const run = { again: true, done: Promise.resolve() };
    run.done = (async () => {
      try {
        while (run.again) {
          run.again = false;
          await this.checkOnce(page);
        }
      } finally {
        this.runs.delete(page);
      }
    })();
    this.runs.set(page, run);
    return run.done;
  }

  /** Everything found since the last call, one line each. */
  take(): string[] {
    const found = [...this.findings];
    this.findings.clear();
    return found;
  }

  /**
   * A test that moves on quickly (a `goto` right after a click) leaves a page before it has
   * been quiet long enough to be checked: the page's own ways to leave check it first.
   */
  private checkBeforeLeaving(page: Page) {
    for (const leave of ["goto", "reload", "goBack", "goForward", "close"] as const) {
      const original = page[leave].bind(page) as (...args: unknown[]) => Promise<unknown>;
      Object.assign(page, {
        [leave]: async (...args: unknown[]) => {
          await this.check(page);
          return original(...args);
        },
      });
    }
  }

  private async checkOnce(page: Page) {
    if (page.isClosed() || !this.isApp(page)) return;
    try {
      const { version, hasAxe } = await page.evaluate(
        (name) => ({
          version: String((window as unknown as Record<string, unknown>)[name]),
          hasAxe: "axe" in window,
        }),
        domVersion,
      );
      if (this.checkedAt.get(page) === version) return;
      this.checkedAt.set(page, version);
      if (!hasAxe) await page.evaluate(axeSource);
      const { origin, at, violations } = await runAxe(page);
      // The page may have left for another site (a redirect to the OpenID provider) between
      // the origin check above and the run: what axe saw there is not ours to fix.
      if (origin !== this.appOrigin()) return;
      for (const { id, help, targets } of violations)
        this.record(`${at}: ${id}: ${help} (${targets.join(", ")})`);
      for (const key of await shownKeys(page)) this.record(`${at}: shows the message key ${key} as text`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (page.isClosed() || pageGone.test(message)) return;
      this.record(`${where(page)}: axe-core could not check the page: ${message}`);
    }
  }

  private isApp(page: Page): boolean {
    return new URL(page.url()).origin === this.appOrigin();
  }

  private record(finding: string) {
    this.findings.add(finding);
  }
}

const where = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** Message keys among the page's words: its text, title and the attributes read out or shown. */
async function shownKeys(page: Page): Promise<string[]> {
  const words = await page.evaluate(() => {
    const texts = [document.title];
    // Node by node: an element's whole text would run one paragraph's last word into the next's first.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.parentElement?.closest("script, style")) texts.push(node.nodeValue ?? "");
    }
    for (const name of ["aria-label", "aria-description", "title", "placeholder", "alt"]) {
      for (const element of document.querySelectorAll(`[${name}]`))
        texts.push(element.getAttribute(name) ?? "");
    }
    return texts.join("\n").match(/[a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+/g) ?? [];
  });
  return [...new Set(words.filter((word) => messageKeys.has(word)))];
}

/** Runs axe-core (already in the page) over the whole document, and says where it was. */
function runAxe(page: Page): Promise<{ origin: string; at: string; violations: Violation[] }> {
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const at = `${location.pathname}${location.search}`;
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    const violations = results.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
    return { origin: location.origin, at, violations };
  }, wcagTags);
}
