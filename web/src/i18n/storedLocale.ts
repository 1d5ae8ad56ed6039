/**
 * The language this browser chose, as the app stores it. Without imports (values), so the
 * motion page's head start (web/src/motions/headStart.ts) reads it before the app's code,
 * dictionary and error texts have come.
 */
export const localeStorageKey = "samtal.locale";

/** The stored choice when it is one of `locales`, else `fallback`. */
export function storedLocale<L extends string>(locales: readonly L[], fallback: L): L {
  try {
    const stored = globalThis.localStorage?.getItem(localeStorageKey);
    return locales.find((locale) => locale === stored) ?? fallback;
  } catch {
    return fallback;
  }
}
