import { describe, expect, it } from "vitest";
import { corePart, type KeyOwners, keyScopeProblems, partFile } from "./keyScopes";
import { swedishParts } from "./testing";

/** The app's own modules as text, by path under web/src; tests are not part of the app. */
const appSources = new Map(
  Object.entries(
    import.meta.glob<string>(["/web/src/**/*.{ts,tsx}", "!/web/src/**/*.test.{ts,tsx}"], {
      eager: true,
      query: "?raw",
      import: "default",
    }),
  ).map(([path, source]) => [path.slice("/web/src/".length), source]),
);

const appOwners: KeyOwners = new Map(
  [...swedishParts].flatMap(([folder, part]) => Object.keys(part).map((key) => [key, folder] as const)),
);

describe("where the app uses each Swedish key", () => {
  it("reads the whole app", () => {
    expect(appSources.has("main.tsx")).toBe(true);
    expect(appSources.has("motions/MotionPage.tsx")).toBe(true);
    expect(appSources.has("meetings/live/Polls.tsx")).toBe(true);
    expect([...appSources.keys()].some((path) => path.includes(".test."))).toBe(false);
  });

  it("finds every feature's key in its own folder, with its part imported", () => {
    expect(keyScopeProblems(appSources, appOwners)).toEqual([]);
  });
});

describe("keyScopeProblems", () => {
  const owners: KeyOwners = new Map([
    ["nav.home", corePart],
    ["motions.title", "motions"],
    ["motions.count.one", "motions"],
    ["motions.count.other", "motions"],
    ["meetings.officer.chair", "meetings"],
    ["meetings.officer.secretary", "meetings"],
  ]);
  const app = (modules: Record<string, string>) =>
    keyScopeProblems(
      new Map(Object.entries({ "main.tsx": 'import "./App";', "motions/messages.sv.ts": "", ...modules })),
      owners,
    );
  const motionsPart = partFile("motions");

  it("accepts core keys anywhere and a feature's keys where its part is imported", () => {
    expect(
      app({
        "App.tsx": 'import { lazy } from "solid-js"; lazy(() => import("./motions/Page")); t("nav.home");',
        "motions/Page.tsx": 'import "./labels"; import { Row } from "./Row"; t("motions.title");',
        "motions/labels.ts": 'import "./messages.sv"; export const keys = { one: "motions.title" };',
        "motions/Row.tsx": 'import { keys } from "./labels"; tp("motions.count", 2);',
      }),
    ).toEqual([]);
  });

  it("refuses a feature's key outside its folder, however it is written", () => {
    expect(
      app({
        "App.tsx": 'import "./org/Group"; import "./org/Roles"; import "./org/Count";',
        "org/Group.tsx": 'import "../motions/messages.sv"; t("motions.title");',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's source, as text
        "org/Roles.tsx": "const officer = (role) => t(`meetings.officer.${role}`);",
        "org/Count.tsx": 'const counts = { motion: "motions.count" };',
      }),
    ).toEqual([
      `org/Count.tsx uses "motions.count.one" and 1 more of ${motionsPart}: move the key to i18n/sv.ts or use it only in motions/`,
      `org/Group.tsx uses "motions.title" of ${motionsPart}: move the key to i18n/sv.ts or use it only in motions/`,
      'org/Roles.tsx uses "meetings.officer.chair" and 1 more of meetings/messages.sv.ts: move the key to i18n/sv.ts or use it only in meetings/',
    ]);
  });

  it("refuses a feature's module that does not import the part before it runs", () => {
    expect(
      app({
        "App.tsx": 'import "./motions/Lazy"; import "./motions/Typed"; import "./motions/Link";',
        "motions/Lazy.tsx": 'void import("./messages.sv"); t("motions.title");',
        "motions/Typed.tsx": 'import type { swedish } from "./messages.sv"; t("motions.title");',
        "motions/Link.tsx": 'import { type swedish } from "./messages.sv"; t("motions.title");',
        "motions/Unused.tsx": 't("motions.title");',
      }),
    ).toEqual(
      ["Lazy", "Link", "Typed"].map(
        (name) =>
          `motions/${name}.tsx uses "motions.title" but does not import ${motionsPart}, directly or indirectly`,
      ),
    );
  });

  it("does not read comments", () => {
    expect(app({ "App.tsx": '// t("motions.title")\n/** `motions.title` */ t("nav.home");' })).toEqual([]);
  });
});
