import { registerSwedish } from "../i18n";

/** Invites' Swedish strings, registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
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
});
