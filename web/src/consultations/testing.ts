import type {
  ConsultationPhase,
  ConsultationSummary,
  ConsultationView,
  Workspace,
} from "../../../worker/shared/consultations";
import type { Me } from "../../../worker/shared/identity";

/** Consultations as the Worker answers them, for the component tests. */

export const national = { kind: "national", slug: "national", name: "Socialdemokraterna" } as const;
export const goteborg = { kind: "branch", slug: "goteborg", name: "Göteborg" } as const;

/** The national office's administrator, who asks. */
export const astrid: Me = {
  kind: "member",
  id: "demo-astrid",
  name: "Astrid Lindqvist",
  email: "astrid@samtal.example",
  groups: [{ group: national, roles: ["national_admin"], can: ["consultation.create"] }],
};

/** 1 Dec 2026 09:00 and 15 Dec 2026 18:00, Swedish time (UTC+1 in winter). */
export const opensAt = Date.UTC(2026, 11, 1, 8, 0);
export const closesAt = Date.UTC(2026, 11, 15, 17, 0);

export function consultationView(overrides: Partial<ConsultationView> = {}): ConsultationView {
  return {
    id: 5,
    title: "Rådslag om välfärden",
    asker: national,
    phase: "draft",
    opensAt,
    closesAt,
    feedback: false,
    introduction: "Vad tycker ni?",
    questions: [
      { id: 11, kind: "open", prompt: "Vad är viktigast?", comment: true, options: [], scale: null },
      {
        id: 12,
        kind: "single",
        prompt: "Skola eller vård?",
        comment: false,
        options: ["Skola", "Vård"],
        scale: null,
      },
    ],
    audience: { kinds: ["branch"], districts: [], individuals: false, individualsVisibleToGroup: false },
    createdAt: opensAt,
    publishedAt: null,
    summary: null,
    can: [],
    myGroups: [],
    ...overrides,
  };
}

/** A consultation in the list of those asking Göteborg, not yet answered. */
export function askedSummary(id: number, title: string, phase: ConsultationPhase): ConsultationSummary {
  return { id, title, asker: national, phase, opensAt: 0, closesAt, feedback: false, status: "none" };
}

/** Göteborg's workspace in an open consultation of one choice question (no live text), as its chair sees it. */
export function workspace(overrides: Partial<Workspace> = {}): Workspace {
  const choiceOnly = consultationView().questions.filter((q) => q.kind === "single");
  const consultation = consultationView({ phase: "open", publishedAt: opensAt, questions: choiceOnly });
  return {
    consultation,
    group: goteborg,
    groupId: 40,
    status: "none",
    documents: [{ questionId: 12, documentId: null }],
    draft: [],
    versions: [],
    latest: null,
    mine: null,
    others: [],
    quoted: [],
    meeting: null,
    can: ["consultation.write", "consultation.submit"],
    ...overrides,
  };
}

export const version1 = {
  number: 1,
  submittedAt: closesAt,
  submittedBy: { id: "demo-bengt", name: "Bengt Olsson" },
};
