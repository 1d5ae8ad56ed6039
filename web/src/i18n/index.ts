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
import { type Dictionary, en } from "./en";
import { sv } from "./sv";

export type { Locale } from "../../../worker/shared/errors";
export type MessageKey = keyof Dictionary;
/** Keys that come as a `.one` / `.other` pair, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Dictionary> = { sv, en };

/** Where the chosen language is remembered between visits. */
export const localeStorageKey = "samtal.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The stored choice if there is a valid one, else Swedish. Storage may be unavailable (privacy modes). */
export function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(localeStorageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function applyDocumentLanguage(value: Locale) {
  if (typeof document !== "undefined") document.documentElement.lang = value;
}

const [locale, setLocaleSignal] = createSignal<Locale>(readStoredLocale());
applyDocumentLanguage(locale());

/** The current UI language (reactive). */
export { locale };

/** Switches the UI language, remembers it and keeps `<html lang>` in step. */
export function setLocale(value: Locale): void {
  setLocaleSignal(value);
  applyDocumentLanguage(value);
  try {
    globalThis.localStorage?.setItem(localeStorageKey, value);
  } catch {
    // Not remembered, but the switch itself still works.
  }
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

/** The string for `key` in the current language, with `{name}` replaced from `params` (reactive). */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[locale()][key], params);
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
