import { registerSwedish } from "../i18n";

/** The home page's Swedish strings, registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
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
});
