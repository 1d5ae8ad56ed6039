import { registerSwedish } from "../i18n";

/** The audit log's Swedish strings, registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
  "audit.title": "Administrativ logg",
  "audit.lead":
    "Vem som gjorde vad och när: medlemsimporter, rolländringar, raderingar och gästinbjudningar. Loggen innehåller aldrig vad någon har skrivit.",
  "audit.caption": "Händelser, nyast först",
  "audit.col.time": "Tid",
  "audit.col.who": "Vem",
  "audit.col.what": "Vad",
  "audit.col.subject": "Gäller",

  "audit.system": "Systemet",
  "audit.action.members.import": "Importerade medlemmar",
  "audit.action.membership.role_added": "Gav en roll",
  "audit.action.membership.role_removed": "Tog bort en roll",
  "audit.action.membership.ended": "Avslutade ett medlemskap",
  "audit.action.person.erased": "Raderade personuppgifter",
  "audit.action.invite.created": "Skapade en gästinbjudan",
  "audit.action.invite.revoked": "Drog tillbaka en gästinbjudan",
  "audit.subject.person": "Person",
  "audit.subject.group": "Grupp",
  "audit.subject.import": "Import",
  "audit.subject.invite": "Gästinbjudan",
  "audit.details.days.one": "giltig i 1 dag",
  "audit.details.days.other": "giltig i {count} dagar",
  "audit.shown.one": "Visar 1 händelse.",
  "audit.shown.other": "Visar {count} händelser.",
  "audit.end": "Det finns inga äldre.",
  "audit.more": "Visa fler",
  "audit.loadingMore": "Hämtar fler…",
  "audit.empty": "Loggen är tom.",
  "audit.forbidden": "Den administrativa loggen är bara för partiets nationella administratörer.",
  "audit.notLoggedIn": "Logga in som nationell administratör för att se loggen.",
});
