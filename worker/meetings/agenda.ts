import type { AgendaItemKind, MeetingTemplate } from "../shared/meetings";

/**
 * Agenda templates. The formal opening of a decision meeting follows the order Swedish
 * associations use (../shared/notes/meeting-procedure.md, part 1): the meeting is opened, it
 * elects its own chair, secretary and adjusters, adopts its agenda, finds that it was
 * properly called and adopts its voting roll. Titles are Swedish: they are the meeting's
 * own record, printed in its minutes.
 */
type TemplateItem = { title: string; kind: AgendaItemKind };

const formalOpening: TemplateItem[] = [
  { title: "Mötets öppnande", kind: "formal" },
  { title: "Val av mötesordförande", kind: "formal" },
  { title: "Val av mötessekreterare", kind: "formal" },
  { title: "Val av justerare tillika rösträknare", kind: "formal" },
  { title: "Fastställande av dagordning", kind: "formal" },
  { title: "Mötets behöriga utlysande", kind: "formal" },
  { title: "Fastställande av röstlängd", kind: "formal" },
];

export const agendaTemplates: Record<MeetingTemplate, TemplateItem[]> = {
  blank: [],
  annual: [
    ...formalOpening,
    { title: "Styrelsens verksamhetsberättelse", kind: "discussion" },
    { title: "Revisorernas berättelse", kind: "discussion" },
    { title: "Ansvarsfrihet för styrelsen", kind: "decision" },
    { title: "Motioner", kind: "decision" },
    { title: "Val av styrelse", kind: "decision" },
    { title: "Övriga frågor", kind: "discussion" },
    { title: "Mötets avslutande", kind: "formal" },
  ],
  board: [
    { title: "Mötets öppnande", kind: "formal" },
    { title: "Val av justerare", kind: "formal" },
    { title: "Fastställande av dagordning", kind: "formal" },
    { title: "Föregående protokoll", kind: "discussion" },
    { title: "Beslutsärenden", kind: "decision" },
    { title: "Övriga frågor", kind: "discussion" },
    { title: "Mötets avslutande", kind: "formal" },
  ],
  conversation: [
    { title: "Välkomna och presentation", kind: "discussion" },
    { title: "Samtal", kind: "discussion" },
    { title: "Vad tar vi med oss?", kind: "discussion" },
    { title: "Avslutning", kind: "discussion" },
  ],
};

/** Templates whose items decide things, which an open meeting (guests, no decisions) cannot take. */
export function hasDecisions(items: { kind: AgendaItemKind }[]): boolean {
  return items.some((item) => item.kind === "decision");
}
