import type { Me } from "../../../worker/shared/identity";
import type { MotionView } from "../../../worker/shared/motions";
import type { Answer } from "../api/testing";

/** Motions as the Worker answers them, for the component tests. */

const goteborg = { kind: "branch", slug: "goteborg", name: "Göteborg" } as const;

export const ida: Me = {
  kind: "member",
  id: "demo-ida",
  name: "Ida Karlsson",
  email: "ida.karlsson@samtal.example",
  groups: [{ group: goteborg, roles: ["member"], can: ["motion.create"] }],
};

export function motionView(overrides: Partial<MotionView> = {}): MotionView {
  return {
    id: 7,
    documentId: "motion:7",
    kind: "motion",
    state: "submitted",
    title: "Träd på skolgårdarna",
    group: goteborg,
    sender: null,
    supporters: 1,
    updatedAt: 0,
    authors: [{ id: "demo-ida", name: "Ida Karlsson", initiator: true }],
    period: null,
    supported: false,
    versions: [{ number: 1, reason: "submitted", createdAt: 0 }],
    statement: null,
    decision: null,
    origin: null,
    forwardedTo: null,
    can: [],
    ...overrides,
  };
}

/** A submitted version of six lines: the title, four of motivation, two att-satser. */
export const version: Answer<"GET /api/motions/:id/versions/:number"> = {
  number: 1,
  reason: "submitted",
  title: "Träd på skolgårdarna",
  motivation: { text: "", json: { type: "doc" } },
  proposals: [
    { key: "a", text: "träd planteras", json: { type: "doc" } },
    { key: "b", text: "skuggtak byggs", json: { type: "doc" } },
  ],
  createdAt: 0,
  lineLength: 80,
  lines: [
    { number: 1, text: "Träd på skolgårdarna", part: "title", block: 0, marked: false },
    { number: 2, text: "Rad två", part: "motivation", block: 0, marked: false },
    { number: 3, text: "Rad tre", part: "motivation", block: 0, marked: false },
    { number: 4, text: "Rad fyra", part: "motivation", block: 1, marked: false },
    { number: 5, text: "att träd planteras", part: "proposal", proposal: 0, block: 0, marked: true },
    { number: 6, text: "att skuggtak byggs", part: "proposal", proposal: 1, block: 1, marked: false },
  ],
};
