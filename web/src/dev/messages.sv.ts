import { registerSwedish } from "../i18n";

/** The development outbox's Swedish strings, registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
  "outbox.title": "Utvecklings\u00ADpostlådan",
  "outbox.lead":
    "All e-post som samtal skickar i utvecklingsläge hamnar här, nyast först. Inget lämnar datorn.",
  "outbox.refresh": "Uppdatera",
  "outbox.count.one": "1 brev.",
  "outbox.count.other": "{count} brev.",
  "outbox.empty": "Inga brev ännu. Begär en inloggningslänk så dyker den upp här.",
  "outbox.to": "Till",
  "outbox.sent": "Skickat",
  "outbox.login": "Till inloggningen",
});
