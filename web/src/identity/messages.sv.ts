import { registerSwedish } from "../i18n";

/** My pages' Swedish strings (log-in's are in the core), registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
  "verify.title": "Logga in",
  "verify.working": "Loggar in…",
  "verify.failed": "Det gick inte att logga in",
  "verify.again": "Begär en ny inloggningslänk",

  "me.title": "Mina sidor",
  "me.name": "Namn",
  "me.email": "E-post",
  "me.groups.title": "Mina grupper",
  "me.groups.roles": "Roller i {group}",
  "me.sessions.title": "Inloggade enheter",
  "me.sessions.lead":
    "Här är de webbläsare där du är inloggad. Logga ut en enhet som du inte känner igen eller inte använder längre.",
  "me.sessions.current": "Den här enheten",
  "me.sessions.lastSeen": "Senast aktiv {time}",
  "me.sessions.since": "Inloggad {time}",
  "me.sessions.end": "Logga ut den här enheten",
  "me.sessions.ended": "{device} är utloggad.",
  "me.logout": "Logga ut",
  "me.loggingOut": "Loggar ut…",
  "me.loggedOut": "Du är utloggad.",
  "me.notLoggedIn": "Du är inte inloggad. Logga in för att se dina grupper och inloggade enheter.",

  "role.member": "Medlem",
  "role.chair": "Ordförande",
  "role.secretary": "Sekreterare",
  "role.board_member": "Styrelseledamot",
  "role.welcome_officer": "Medlemsansvarig",
  "role.activity_lead": "Ansvarig för verksamhetsprogram",
  "role.union_lead": "Facklig ledare",
  "role.national_admin": "Nationell administratör",

  "privacy.title": "Dina uppgifter",
  "privacy.export.text":
    "Du kan ladda ner allt som samtal har sparat om dig – namn, e-postadress, grupper och roller, inloggningar och inbjudningar – som en fil (JSON).",
  "privacy.export": "Ladda ner mina uppgifter",
  "privacy.erase.title": "Radera mina uppgifter",
  "privacy.erase.lead": "Om du raderar dina uppgifter händer det här:",
  "privacy.erase.what.identity":
    "Ditt namn och din e-postadress tas bort överallt i samtal, även i loggen över administrativa åtgärder.",
  "privacy.erase.what.memberships":
    "Dina grupper och roller i samtal upphör, och du loggas ut på alla enheter.",
  "privacy.erase.what.contributions":
    "Det du har skrivit i gemensamma dokument finns kvar, men visas som skrivet av en tidigare medlem.",
  "privacy.erase.what.final": "Det går inte att ångra.",
  "privacy.erase.party": "Ditt medlemskap i partiet påverkas inte. Det sköts i partiets medlemsregister.",
  "privacy.erase.start": "Radera mina uppgifter…",
  "privacy.erase.confirm.label": "Skriv ordet radera för att bekräfta",
  "privacy.erase.confirm.hint": "Vill du spara dina uppgifter? Ladda ner dem först.",
  "privacy.erase.confirm.missing": "Skriv radera i rutan för att bekräfta.",
  "privacy.erase.submit": "Radera mina uppgifter för alltid",
  "privacy.erase.erasing": "Raderar…",
  "privacy.erase.cancel": "Avbryt",

  "erased.title": "Dina uppgifter är raderade",
  "erased.text":
    "Ditt namn och din e-postadress är borttagna ur samtal, och du är utloggad på alla enheter. Det du skrev i gemensamma dokument finns kvar, som skrivet av en tidigare medlem.",
  "erased.thanks": "Tack för att du var med.",
});
