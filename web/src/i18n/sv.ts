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
  "room.reason.login_required":
    "Gemensamma dokument kräver inloggning. Inloggning kommer snart – tills dess går det inte att öppna dokument här.",

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
