import { registerSwedish } from "../i18n";

/** The member import's Swedish strings, registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
  "import.title": "Importera medlemmar",
  "import.lead":
    "Ladda upp en CSV-fil från medlemsregistret. Du ser vilka rader som kan importeras innan något sparas.",
  "import.notLoggedIn": "Logga in för att importera medlemmar.",
  "import.login": "Logga in",
  "import.notAllowed":
    "Bara medlemsansvariga i en arbetarekommun och nationella administratörer kan importera medlemmar.",
  "import.group.label": "Importera för",
  "import.group.hint": "Varje rad i filen måste höra till den här delen av partiet.",
  "import.group.national": "Hela partiet (nationell nivå)",
  "import.group.option": "{name} ({kind})",
  "import.file.label": "CSV-fil",
  "import.file.hint":
    "En rubrikrad med kolumnerna namn, e-post och arbetarekommun, gärna också förening och roller. Komma eller semikolon, UTF-8 eller Windows-1252 (som Excel sparar). Högst 20 MB.",
  "import.file.missing": "Välj en CSV-fil.",
  "import.upload": "Ladda upp och granska",
  "import.uploading": "Laddar upp och granskar…",
  "import.review.title": "Granska importen",
  "import.review.group": "Import för {group}",
  "import.count.rows.one": "1 rad i filen",
  "import.count.rows.other": "{count} rader i filen",
  "import.count.valid.one": "1 kan importeras",
  "import.count.valid.other": "{count} kan importeras",
  "import.count.refused.one": "1 nekades",
  "import.count.refused.other": "{count} nekades",
  "import.review.format": "Teckenkodning {encoding}, avgränsare {delimiter}.",
  "import.delimiter.comma": "komma",
  "import.delimiter.semicolon": "semikolon",
  "import.review.ignored": "De här kolumnerna lästes inte: {columns}.",
  "import.review.nothingSaved": "Ingenting har sparats ännu.",
  "import.refused.title": "Nekade rader",
  "import.refused.caption": "Nekade rader, med radnummer i filen",
  "import.refused.row": "Rad",
  "import.refused.reason": "Orsak",
  "import.refused.more": "Visar de {shown} första av {count} nekade rader.",
  "import.refused.fix":
    "Nekade rader importeras inte. Rätta dem i filen och ladda upp den igen, eller importera de giltiga raderna nu.",
  "import.refused.fixAfter":
    "Rätta dem i filen och importera den igen: de som redan importerats blir inte dubbletter.",
  "import.apply.one": "Importera 1 medlem",
  "import.apply.other": "Importera {count} medlemmar",
  "import.apply.none": "Ingen rad i filen kan importeras. Rätta filen och ladda upp den igen.",
  "import.chooseAnother": "Välj en annan fil",
  "import.progress.label": "Importerar medlemmar",
  "import.progress.status": "{applied} av {valid} importerade.",
  "import.resume": "Fortsätt importen",
  "import.done.title": "Importen är klar",
  "import.done.applied.one": "1 medlem importerades.",
  "import.done.applied.other": "{count} medlemmar importerades.",
  "import.done.how": "Nya personer lades till och de som redan fanns uppdaterades. Ingen togs bort.",
  "import.done.refused.one": "1 rad nekades och importerades inte.",
  "import.done.refused.other": "{count} rader nekades och importerades inte.",
  "import.again": "Importera en fil till",
  "import.reason.row_malformed":
    "Raden går inte att läsa: ett citattecken står fel, eller raden har fler celler än rubrikraden.",
  "import.reason.quote_unclosed":
    "Ett citattecken öppnas men stängs aldrig, så resten av filen från den här raden kunde inte läsas.",
  "import.reason.name_missing": "Namn saknas.",
  "import.reason.name_too_long": "Namnet är för långt (högst 200 tecken).",
  "import.reason.email_missing": "E-postadress saknas.",
  "import.reason.email_invalid": "E-postadressen är inte giltig.",
  "import.reason.branch_missing": "Arbetarekommun saknas.",
  "import.reason.branch_unknown": "Arbetarekommunen finns inte. Skriv kommunens namn eller kommunkod.",
  "import.reason.branch_out_of_scope": "Arbetarekommunen ligger utanför det du importerar för.",
  "import.reason.association_unknown": "Föreningen finns inte i den arbetarekommunen.",
  "import.reason.role_unknown":
    "En roll är okänd. Skriv till exempel medlemsansvarig, ordförande, sekreterare eller styrelseledamot.",
  "import.reason.role_not_allowed":
    "Bara en nationell administratör kan göra någon till nationell administratör.",
});
