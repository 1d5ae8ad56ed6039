import { loadLocale, type Messages } from "./index";
import { sv } from "./sv";

/**
 * Every part of the Swedish dictionary by the folder it lives in ("i18n" for the core): the
 * features' parts are found by their file name, so a new one cannot be left out. Importing them
 * registers them, as the feature's own modules do in the app.
 */
export const swedishParts: ReadonlyMap<string, Messages> = new Map<string, Messages>([
  ["i18n", sv],
  ...Object.entries(
    import.meta.glob<Messages>("../*/messages.sv.ts", { eager: true, import: "swedish" }),
  ).map(([path, part]) => [path.split("/")[1] ?? path, part] as const),
]);

/**
 * Setup of the web tests (vitest.config.ts): every Swedish part registered (a component test
 * renders a feature's components without its page) and every dictionary loaded, so a test
 * switches the language at once, as the app does once the switch has fetched it.
 * i18n.test.tsx checks the fetching itself on a fresh copy of the module; keyScopes.test.ts
 * checks that the app's own modules import the parts they need.
 */
await loadLocale("en");
