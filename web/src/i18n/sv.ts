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

  "home.title": "Välkommen till samtal",
  "home.lead": "samtal är den digitala mötesplatsen för Socialdemokraternas medlemmar och organisationer.",
  "home.who":
    "Den är till för dig som är medlem, förtroendevald eller aktiv i en arbetarekommun, en S-förening, ett partidistrikt eller en sidoorganisation.",
  "home.what":
    "Här skriver ni motioner tillsammans, träffas i resfria möten och svarar på partiets rådslag – från telefonen eller datorn, utan att behöva resa.",
  "home.start":
    "Börja med att hitta din arbetarekommun eller förening i organisationen. När du är inloggad finns dina gruppers motioner, möten och rådslag på Mina sidor.",
  "home.cta": "Hitta din arbetarekommun",
  "home.coming.title": "Det här kan ni göra",
  "home.coming.motions": "Motioner och idéutkast som ni skriver tillsammans, i realtid.",
  "home.coming.meetings": "Resfria möten med dagordning, talarlista, anteckningar och beslut.",
  "home.coming.consultations": "Rådslag från partistyrelsen som arbetarekommuner och föreningar besvarar.",

  "home.try": "Prova ett gemensamt dokument",

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
  "login.oidc.button": "Logga in med {name}",
  "login.oidc.or": "Eller få en inloggningslänk via e-post:",

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

  "guest.header.suffix": "gäst, till ditt dokument",

  "invite.title": "Välkommen till samtalet",
  "invite.lead":
    "Du är inbjuden som gäst till ett öppet samtal hos Socialdemokraterna. Du behöver inte vara medlem för att vara med: som gäst deltar du i just det här samtalet, och bara i det.",
  "invite.name.label": "Vad vill du kallas?",
  "invite.name.hint": "De andra i samtalet ser namnet. Det räcker med ett förnamn.",
  "invite.name.missing": "Skriv vad du vill kallas.",
  "invite.submit": "Gå med som gäst",
  "invite.joining": "Går med…",
  "invite.failed": "Det gick inte att gå med",
  "invite.failed.hint": "Hör av dig till den som bjöd in dig om du vill vara med.",
  "invite.already": "Du deltar redan som gäst: {name}.",
  "invite.already.link": "Gå till samtalet",

  "document.guest.you": "Du deltar som gäst: {name}",
  "document.guest.own": "Till dokumentet du är inbjuden till",

  "invites.title": "Bjud in gäster",
  "invites.lead":
    "Med en inbjudningslänk kan sympatisörer som inte är medlemmar skriva i det här dokumentet, och bara i det, under ett namn de väljer själva. Länken gäller i 7 dagar, och du kan dra tillbaka den när som helst.",
  "invites.leadMeeting":
    "Med en inbjudningslänk kan sympatisörer som inte är medlemmar delta i det här öppna mötet, och bara i det, under ett namn de väljer själva: lyssna, begära ordet och svara på snabbfrågor. Länken gäller i 7 dagar, och du kan dra tillbaka den när som helst.",
  "invites.create": "Skapa inbjudningslänk",
  "invites.creating": "Skapar länk…",
  "invites.created": "Länken är skapad. Kopiera den och skicka den till dem du vill bjuda in.",
  "invites.link.label": "Inbjudningslänk",
  "invites.link.hint":
    "Alla som har länken kan gå med, så dela den bara med dem den är till. Länken visas bara nu.",
  "invites.copy": "Kopiera länk",
  "invites.copied": "Länken är kopierad.",
  "invites.copy.manual":
    "Länken är markerad. Kopiera den med Ctrl+C (Cmd+C på Mac), eller håll fingret på den och välj Kopiera.",
  "invites.list.title": "Dina inbjudningar hit",
  "invites.list.empty": "Du har inte bjudit in några gäster hit ännu.",
  "invites.list.refresh": "Uppdatera",
  "invites.item.created": "Skapad {time}",
  "invites.item.guests.one": "1 gäst har gått med",
  "invites.item.guests.other": "{count} gäster har gått med",
  "invites.item.active": "Gäller till {time}",
  "invites.item.expired": "Gick ut {time}",
  "invites.item.revoked": "Tillbakadragen {time}",
  "invites.others.title": "Andras inbjudningar hit",
  "invites.item.madeBy": "Gjord av {name}",
  "invites.withdraw": "Dra tillbaka",
  "invites.withdrawn": "Inbjudan är tillbakadragen. Gästerna har inte längre tillgång till dokumentet.",

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

  "audit.formerMember": "Tidigare medlem",

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

  // The ways into features, shown on pages outside them (my pages, a group's page, a meeting).
  "motions.linkFor": "Motioner i {group}",
  "consultations.linkFor": "Rådslag i {group}",
  "consultations.workspace.open": "Öppna rådslagets arbetsyta",
  "audit.link": "Administrativ logg",
  "import.link": "Importera medlemmar",
} as const satisfies Partial<Dictionary>;
