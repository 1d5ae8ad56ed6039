import { createSignal } from "solid-js";
import {
  defaultLocale,
  type ErrorCode,
  errorMessages,
  isErrorCode,
  type Locale,
  locales,
} from "../../../worker/shared/errors";
import type { GroupKind } from "../../../worker/shared/org";
import type { Dictionary } from "./en";
import { localeStorageKey, storedLocale } from "./storedLocale";
import { sv } from "./sv";

export type { Locale } from "../../../worker/shared/errors";
export type MessageKey = keyof Dictionary;
/** Keys that come as a `.one` / `.other` pair, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;
export type Params = Record<string, string | number>;
/** Some keys' strings in one language: a part of the Swedish dictionary, or all of another. */
export type Messages = { readonly [K in MessageKey]?: string };

/**
 * Swedish, the default, comes in parts: the core (sv.ts: the frame, navigation, log-in, words
 * used across features) with this module, and each feature's strings (`<feature>/messages.sv.ts`)
 * with the feature's code, so a page carries only the strings of the features it shows
 * (docs/benchmarks.md, "motion-page"). A part registers itself when its module is evaluated,
 * and every module that uses a feature's keys imports the feature's part, directly or through
 * a module it imports (keyScopes.test.ts checks), so the keys are here before that module's
 * code can render them: no signal needed.
 */
const swedish: { [K in MessageKey]?: string } = { ...sv };

/** Adds a feature's Swedish strings (its `messages.sv.ts`); returns them, for the tests. */
export function registerSwedish(part: Messages): Messages {
  Object.assign(swedish, part);
  return part;
}

/**
 * Another language's dictionary is its own chunk, fetched only for someone who chose it (about
 * 8 KB gzipped that a Swedish reader's cold open no longer waits for; docs/benchmarks.md,
 * "motion-page"). A signal, so text already shown changes when a dictionary arrives.
 */
const [dictionaries, setDictionaries] = createSignal<Partial<Record<Locale, Messages>>>({ sv: swedish });
const fetchers: Partial<Record<Locale, () => Promise<Dictionary>>> = {
  en: () => import("./en").then((module) => module.en),
};
const fetching = new Map<Locale, Promise<void>>();

/** Where the chosen language is remembered between visits. */
export { localeStorageKey };

/** The stored choice if there is a valid one, else Swedish. Storage may be unavailable (privacy modes). */
export function readStoredLocale(): Locale {
  return storedLocale(locales, defaultLocale);
}

/**
 * Fetches `value`'s dictionary unless it is here or on its way; resolves once it is here. A
 * failed fetch (no connection) rejects and is tried anew on the next call.
 */
export function loadLocale(value: Locale): Promise<void> {
  const fetcher = fetchers[value];
  if (dictionaries()[value] || !fetcher) return Promise.resolve();
  let pending = fetching.get(value);
  if (!pending) {
    pending = fetcher().then(
      (dictionary) => {
        setDictionaries((loaded) => ({ ...loaded, [value]: dictionary }));
      },
      (error: unknown) => {
        fetching.delete(value);
        throw error;
      },
    );
    fetching.set(value, pending);
  }
  return pending;
}

function applyDocumentLanguage(value: Locale) {
  if (typeof document !== "undefined") document.documentElement.lang = value;
}

const [locale, setLocaleSignal] = createSignal<Locale>(readStoredLocale());
applyDocumentLanguage(locale());

/** The current UI language (reactive). */
export { locale };

/**
 * Resolves when the starting language can be shown: at once in Swedish; for a stored English
 * choice, when its dictionary has come (the app renders after this, so nothing shows in
 * Swedish first). Without a connection the app starts in Swedish and stays so.
 */
export const localeReady: Promise<void> = loadLocale(locale()).catch(() => {
  setLocaleSignal(defaultLocale);
  applyDocumentLanguage(defaultLocale);
});

/** The language last asked for: a dictionary that arrives after another choice is not shown. */
let chosen = locale();

/**
 * Switches the UI language, remembers it and keeps `<html lang>` in step: at once when its
 * dictionary is here (Swedish always; English once fetched, which pointing at the switch
 * starts), else when it has come. Rejects, nothing switched, when it cannot be fetched.
 */
export function setLocale(value: Locale): Promise<void> {
  chosen = value;
  const show = () => {
    if (chosen !== value) return;
    setLocaleSignal(value);
    applyDocumentLanguage(value);
    try {
      globalThis.localStorage?.setItem(localeStorageKey, value);
    } catch {
      // Not remembered, but the switch itself still works.
    }
  };
  if (dictionaries()[value]) {
    show();
    return Promise.resolve();
  }
  return loadLocale(value).then(show);
}

export function otherLocale(value: Locale = locale()): Locale {
  return value === "sv" ? "en" : "sv";
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale() === "sv" ? "sv-SE" : "en-GB").format(value);
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === "number" ? formatNumber(value) : value;
  });
}

/**
 * The string for `key` in the current language, with `{name}` replaced from `params` (reactive).
 * A Swedish key whose part was never imported shows as the key itself, as a visible fault.
 */
export function t(key: MessageKey, params?: Params): string {
  return interpolate((dictionaries()[locale()] ?? swedish)[key] ?? key, params);
}

/** A plural pair: `{base}.one` when count is 1, else `{base}.other`; `{count}` is filled in. */
export function tp(base: PluralKey, count: number, params?: Params): string {
  const key = `${base}.${count === 1 ? "one" : "other"}` as MessageKey;
  return t(key, { count, ...params });
}

/** The plain-language message for an API error code in the current language; "internal" for unknown codes. */
export function errorMessage(code: ErrorCode | string | undefined): string {
  return errorMessages[isErrorCode(code) ? code : "internal"][locale()];
}

const kindKeys = {
  national: "kind.national",
  district: "kind.district",
  branch: "kind.branch",
  association: "kind.association",
  side: "kind.side",
} as const satisfies Record<GroupKind, MessageKey>;

/** "Arbetarekommun" / "Municipal branch", and so on. */
export function kindLabel(kind: GroupKind): string {
  return t(kindKeys[kind]);
}
