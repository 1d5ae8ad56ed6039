/**
 * The Swedish dictionary: the source of every user-visible string in the web app.
 * Keys are flat and dotted; `{name}` marks a value filled in by `t()`. Keys ending in
 * `.one` / `.other` are plural pairs for `tp()`. `en.ts` must have exactly these keys.
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

  "home.title": "Välkommen till samtal",
  "home.lead": "samtal är den digitala mötesplatsen för Socialdemokraternas medlemmar och organisationer.",
  "home.who":
    "Den är till för dig som är medlem, förtroendevald eller aktiv i en arbetarekommun, en S-förening, ett partidistrikt eller en sidoorganisation.",
  "home.what":
    "Här ska vi skriva motioner tillsammans, träffas i resfria möten och svara på partiets rådslag – från telefonen eller datorn, utan att behöva resa.",
  "home.start": "Börja med att hitta din arbetarekommun eller förening i organisationen.",
  "home.cta": "Hitta din arbetarekommun",
  "home.coming.title": "På gång",
  "home.coming.motions": "Motioner och idéutkast som ni skriver tillsammans, i realtid.",
  "home.coming.meetings": "Resfria möten med dagordning, talarlista, anteckningar och beslut.",
  "home.coming.consultations": "Rådslag från partistyrelsen som arbetarekommuner och föreningar besvarar.",

  "home.try": "Prova ett gemensamt dokument",

  "document.title": "Gemensamt dokument",
  "document.lead": "Skriv tillsammans i realtid. Alla som har dokumentet öppet ser ändringarna direkt.",
  "document.id": "Dokument: {id}",
  "document.name.label": "Ditt namn",
  "document.name.hint": "De andra i dokumentet ser ditt namn vid din markör.",
  "document.name.submit": "Gå med",
  "document.name.missing": "Skriv ditt namn för att gå med.",
  "document.name.change": "Byt namn",
  "document.name.you": "Andra ser dig som {name}.",
  "document.editor.label": "Dokumentets text",
  "document.presence.title": "Här just nu",
  "document.presence.you": "{name} (du)",

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

  "org.title": "Organisationen",
  "org.lead": "Socialdemokraterna är organiserade i {districts}, {branches}, {associations} och {sides}.",
  "org.search.title": "Sök i organisationen",
  "org.search.label": "Sök arbetarekommun, distrikt eller förening",
  "org.search.hint": "Skriv början av ett namn, till exempel ”Göte”. Träffarna visas medan du skriver.",
  "org.search.submit": "Sök",
  "org.search.searching": "Söker…",
  "org.search.hits.one": "1 träff för ”{query}”.",
  "org.search.hits.other": "{count} träffar för ”{query}”.",
  "org.search.none": "Inga träffar för ”{query}”. Prova en kortare del av namnet.",
  "org.search.capped": "Visar de {count} första träffarna. Skriv mer för att hitta rätt.",
  "org.search.resultsLabel": "Sökträffar",
  "org.search.in": "i {parent}",
  "org.districts.title": "Partidistrikt",
  "org.side.title": "Sidoorganisationer",

  "kind.national": "Partistyrelsen",
  "kind.district": "Partidistrikt",
  "kind.branch": "Arbetarekommun",
  "kind.association": "S-förening",
  "kind.side": "Sidoorganisation",

  "kinds.district": "Partidistrikt",
  "kinds.branch": "Arbetarekommuner",
  "kinds.association": "S-föreningar",
  "kinds.side": "Sidoorganisationer",

  "count.district.one": "{count} partidistrikt",
  "count.district.other": "{count} partidistrikt",
  "count.branch.one": "{count} arbetarekommun",
  "count.branch.other": "{count} arbetarekommuner",
  "count.association.one": "{count} S-förening",
  "count.association.other": "{count} S-föreningar",
  "count.side.one": "{count} sidoorganisation",
  "count.side.other": "{count} sidoorganisationer",

  "group.breadcrumb": "Du är här",
  "group.kind": "Typ",
  "group.county": "Län",
  "group.municipalityCode": "Kommunkod",
  "group.childrenTitle": "{title} ({count})",
  "group.noAssociations": "Inga S-föreningar är registrerade i den här arbetarekommunen ännu.",
  "group.noBranches": "Inga arbetarekommuner är registrerade i det här distriktet ännu.",

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

  "verify.title": "Logga in",
  "verify.working": "Loggar in…",
  "verify.failed": "Det gick inte att logga in",
  "verify.again": "Begär en ny inloggningslänk",

  "me.title": "Mina sidor",
  "me.name": "Namn",
  "me.email": "E-post",
  "me.groups.title": "Mina grupper",
  "me.groups.roles": "Roller i {group}",
  "me.groups.none": "Du är inte med i någon grupp i samtal ännu.",
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
  "me.login": "Logga in",

  "role.member": "Medlem",
  "role.chair": "Ordförande",
  "role.secretary": "Sekreterare",
  "role.board_member": "Styrelseledamot",
  "role.welcome_officer": "Medlemsansvarig",
  "role.activity_lead": "Ansvarig för verksamhetsprogram",
  "role.union_lead": "Facklig ledare",
  "role.national_admin": "Nationell administratör",

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
} as const;
