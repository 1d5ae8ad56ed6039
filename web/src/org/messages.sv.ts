import { registerSwedish } from "../i18n";

/** The organisation pages' Swedish strings, registered when imported (registerSwedish in web/src/i18n/index.ts). */
export const swedish = registerSwedish({
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
});
