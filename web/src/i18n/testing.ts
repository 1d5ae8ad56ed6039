import { loadLocale } from "./index";

/**
 * Setup of the web tests (vitest.config.ts): every dictionary loaded, so a test switches the
 * language at once, as the app does once the switch has fetched it. i18n.test.tsx checks the
 * fetching itself on a fresh copy of the module.
 */
await loadLocale("en");
