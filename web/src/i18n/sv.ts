import type { Dictionary } from "./en";

/**
 * The core of the Swedish dictionary, the default language: the app's frame, navigation,
 * log-in, errors and every string used outside a feature folder. It comes with the app; each
 * feature's own strings come with its code (`<feature>/messages.sv.ts`, registered through
 * `registerSwedish` in index.ts). Together the parts have exactly `en.ts`'s keys, none in two.
 */
export const sv = {
  "app.name": "samtal",
  "app.titleSuffix": "samtal",
  "app.homeLink": "samtal – till startsidan",

  "skip.toContent": "Hoppa till innehållet",
  "nav.label": "Huvudmeny",
  "nav.home": "Hem",
  "nav.organisation": "Organisationen",

  "language.switch": "English",

  "dev.banner": "Utvecklingsläge: demodata",

  "footer.text":
    "samtal är en plattform för Socialdemokraternas medlemmar, föreningar och arbetarekommuner – för Sveriges bästa politiska samtal.",

  "loading.text": "Laddar…",

  "document.title": "Gemensamt dokument",
  "document.lead": "Skriv tillsammans i realtid. Alla som har dokumentet öppet ser ändringarna direkt.",
  "document.id": "Dokument: {id}",
  "document.you": "Andra ser dig som {name}.",
  "document.login": "Gemensamma dokument är till för inloggade. Logga in för att läsa och skriva.",
  "document.login.link": "Logga in",
  "document.editor.label": "Dokumentets text",
  "editor.toolbar": "Textformat: {label}",
  "editor.heading": "Rubrik",
  "editor.bold": "Fetstil",
  "editor.italic": "Kursiv",
  "editor.bulletList": "Punktlista",
  "editor.orderedList": "Numrerad lista",
  "editor.link": "Länk",
  "editor.link.form": "Länk i texten",
  "editor.link.address": "Länkens adress, till exempel www.socialdemokraterna.se",
  "editor.link.invalid": "Skriv en webbadress (som www.exempel.se) eller en e-postadress.",
  "editor.link.save": "Spara länken",
  "editor.link.remove": "Ta bort länken",
  "editor.link.cancel": "Avbryt",
  "document.presence.title": "Här just nu",
  "document.presence.you": "{name} (du)",
  "document.presence.guest": "{name} (gäst)",
  "document.presence.youGuest": "{name} (du, gäst)",

  "room.status.connecting": "Ansluter…",
  "room.status.connected": "Ansluten",
  "room.status.reconnecting": "Återansluter…",
  "room.status.offline": "Offline – dina ändringar sparas och skickas när du är ansluten igen",
  "room.retry": "Anslut igen",
  "room.reason.normal": "Anslutningen till dokumentet stängdes.",
  "room.reason.going_away": "Servern startar om. Vi ansluter igen strax.",
  "room.reason.internal_error": "Något gick fel hos oss. Vi ansluter igen strax.",
  "room.reason.message_too_big":
    "En ändring var för stor för att skickas och har inte sparats. Kopiera din text innan du laddar om sidan.",
  "room.reason.malformed_message": "Anslutningen stängdes efter ett tekniskt fel. Ladda om sidan.",
  "room.reason.token_invalid": "Din behörighet till dokumentet kunde inte bekräftas. Ladda om sidan.",
  "room.reason.token_expired": "Din behörighet till dokumentet gick ut. Vi ansluter igen.",
  "room.reason.read_only": "Du kan bara läsa det här dokumentet.",
  "room.reason.document_too_large":
    "Dokumentet har nått sin största tillåtna storlek. Dina senaste ändringar har inte sparats.",
  "room.reason.rate_limited": "För många ändringar på kort tid. Vi ansluter igen om en stund.",
  "room.reason.access_revoked": "Du har inte längre tillgång till det här dokumentet.",
  "room.reason.login_required": "Logga in för att öppna gemensamma dokument.",
  "room.reason.forbidden": "Du har inte behörighet att öppna det här dokumentet.",

  "kind.national": "Partistyrelsen",
  "kind.district": "Partidistrikt",
  "kind.branch": "Arbetarekommun",
  "kind.association": "S-förening",
  "kind.side": "Sidoorganisation",

  "kinds.district": "Partidistrikt",
  "kinds.branch": "Arbetarekommuner",
  "kinds.association": "S-föreningar",
  "kinds.side": "Sidoorganisationer",

  "account.login": "Logga in",
  "account.myPages": "mina sidor",

  "login.title": "Logga in",
  "login.lead":
    "Du behöver inget lösenord. Skriv din e-postadress så skickar vi en inloggningslänk till den.",
  "login.email.label": "Din e-postadress",
  "login.email.hint": "Samma adress som partiet har i medlemsregistret.",
  "login.submit": "Skicka inloggningslänk",
  "login.sending": "Skickar…",
  "login.sent": "Om adressen finns registrerad är en inloggningslänk på väg. Den gäller i 15 minuter.",
  "login.sent.hint": "Hittar du inget mejl? Titta i skräpposten, eller kontrollera adressen och försök igen.",
  "login.email.missing": "Skriv din e-postadress.",
  "login.email.invalid":
    "Det ser inte ut som en e-postadress. Kontrollera den, till exempel namn@exempel.se.",
  "login.already": "Du är redan inloggad som {name}.",
  "login.already.link": "Till mina sidor",
  "login.dev.title": "Logga in som",
  "login.dev.lead": "Bara i utvecklingsläge: logga in direkt som en av demopersonerna, utan mejl.",
  "login.dev.outbox": "Öppna utvecklingspostlådan",
  "login.dev.busy": "Loggar in som {name}…",
  "login.oidc.button": "Logga in med {name}",
  "login.oidc.or": "Eller få en inloggningslänk via e-post:",

  // Down to the audit log's former member: named after one feature, shown by others too.
  "me.groups.none": "Du är inte med i någon grupp i samtal ännu.",
  "me.login": "Logga in",

  "guest.header.suffix": "gäst, till ditt dokument",

  "document.guest.you": "Du deltar som gäst: {name}",
  "document.guest.own": "Till dokumentet du är inbjuden till",

  "invites.copy": "Kopiera länk",
  "invites.copied": "Länken är kopierad.",
  "invites.copy.manual":
    "Länken är markerad. Kopiera den med Ctrl+C (Cmd+C på Mac), eller håll fingret på den och välj Kopiera.",

  "audit.formerMember": "Tidigare medlem",

  "notFound.title": "Sidan finns inte",
  "notFound.text":
    "Vi hittar ingen sida på den här adressen. Den kan vara felstavad, eller så har sidan flyttats eller tagits bort.",
  "notFound.groupText":
    "Vi hittar ingen sådan del av organisationen. Den kan ha bytt namn eller tagits bort, eller så är adressen felstavad.",
  "notFound.home": "Till startsidan",
  "notFound.organisation": "Till organisationen",

  "error.title": "Något gick fel",
  "error.retry": "Försök igen",
  "error.home": "Till startsidan",

  // The ways into features, shown on pages outside them (my pages, a group's page, a meeting).
  "motions.linkFor": "Motioner i {group}",
  "consultations.linkFor": "Rådslag i {group}",
  "consultations.workspace.open": "Öppna rådslagets arbetsyta",
  "audit.link": "Administrativ logg",
  "import.link": "Importera medlemmar",
} as const satisfies Partial<Dictionary>;
