import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { findGroup } from "../access/groups";
import type { Db } from "../db/client";
import { editDocument } from "../rooms/documents";
import { answerDocumentId, type ConsultationInput, type Question } from "../shared/consultations";
import { saveChoices, submitAnswer } from "./answer";
import { createConsultation, publish } from "./ask";
import { addQuote, publishFeedback } from "./feedback";
import { questionsOf } from "./queries";
import { findConsultation, findWorkspace } from "./resource";
import { consultations } from "./schema";

/**
 * Demo consultations asked by the national office: one open, answered by some demo branches
 * (Stockholm, Malmö, Kiruna) and not yet by others (Göteborg, whose demo people can try the
 * loop), and one closed, with a published summary that quotes Göteborg and Stockholm. Taken
 * through the same steps as the routes, without asking the table. Idempotent: a demo
 * consultation already there (by title) is left alone.
 */

const day = 24 * 60 * 60 * 1000;

/** The open demo consultation; Göteborg's demo meeting discusses it (worker/meetings/seed.ts). */
export const demoOpenConsultationTitle = "Rådslag: Välfärden 2027";

interface DemoAnswer {
  branch: string;
  by: string;
  /** One text per question that has one, in order. */
  texts: string[];
  choice: number;
  scale: number;
}

function demoInput(
  title: string,
  introduction: string,
  opensAt: number,
  closesAt: number,
): ConsultationInput {
  return {
    title,
    introduction,
    questions: [
      { kind: "open", prompt: "Vilka är de viktigaste frågorna i er kommun just nu?" },
      {
        kind: "single",
        prompt: "Vad ska partiet prioritera först?",
        options: ["Skolan", "Vården", "Jobben", "Bostäderna"],
        comment: true,
      },
      {
        kind: "scale",
        prompt: "Hur väl känner ni igen er i förslaget?",
        scale: { min: 1, max: 5, minLabel: "Inte alls", maxLabel: "Helt" },
      },
    ],
    audience: {
      kinds: ["branch", "association"],
      districts: [],
      individuals: false,
      individualsVisibleToGroup: false,
    },
    opensAt,
    closesAt,
  };
}

async function writeText(env: Env, documentId: string, text: string): Promise<void> {
  await editDocument(env, documentId, (doc) => {
    const fragment = doc.getXmlFragment("default");
    fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

async function answerAs(env: Env, db: Db, consultationId: number, answer: DemoAnswer): Promise<number> {
  const questions = await questionsOf(db, consultationId);
  const workspace = await findWorkspace(db, consultationId, { kind: "branch", slug: answer.branch });
  if (!workspace) throw new Error(`demo consultation ${consultationId} does not ask ${answer.branch}`);
  const groupId = workspace.group.groupId;
  const texts = [...answer.texts];
  for (const q of questions) {
    if (q.comment) await writeText(env, answerDocumentId(consultationId, groupId, q.id), texts.shift() ?? "");
  }
  const [, choice, scale] = questions as [Question, Question, Question];
  await saveChoices(db, workspace, [
    { questionId: choice.id, choices: [answer.choice] },
    { questionId: scale.id, value: answer.scale },
  ]);
  const drafted = await findWorkspace(db, consultationId, { id: groupId });
  if (!drafted) throw new Error(`demo workspace ${consultationId}/${groupId} vanished`);
  await submitAnswer(env, db, drafted, answer.by);
  return groupId;
}

async function exists(db: Db, askerGroupId: number, title: string): Promise<boolean> {
  const [row] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.askerGroupId, askerGroupId), eq(consultations.title, title)));
  return row !== undefined;
}

export async function seedDemoConsultations(env: Env, db: Db): Promise<number> {
  const national = await findGroup(db, { kind: "national", slug: "national" });
  if (!national) return 0;
  const now = Date.now();
  let created = 0;

  const openTitle = demoOpenConsultationTitle;
  if (!(await exists(db, national.groupId, openTitle))) {
    const id = await createConsultation(
      db,
      national,
      demoInput(
        openTitle,
        "Partistyrelsen vill höra **er** syn på välfärden inför valåret. Svara tillsammans i styrelsen eller på ett medlemsmöte.",
        now - day,
        now + 14 * day,
      ),
      "demo-astrid",
    );
    const found = await findConsultation(db, id, null);
    if (!found) throw new Error("demo consultation vanished");
    await publish(db, found.record, national, "demo-astrid");
    for (const answer of [
      {
        branch: "stockholm",
        by: "demo-david",
        texts: ["Bostadsbristen och otryggheten i ytterstaden.", "Skolan måste bli likvärdig igen."],
        choice: 0,
        scale: 4,
      },
      {
        branch: "malmo",
        by: "demo-greta",
        texts: ["Jobben och vården i hela kommunen.", "Vårdcentralerna behöver fler läkare."],
        choice: 1,
        scale: 3,
      },
      {
        branch: "kiruna",
        by: "demo-farid",
        texts: ["Samhällsomvandlingen och bostäderna.", "Jobben kommer, bostäderna måste följa med."],
        choice: 3,
        scale: 5,
      },
    ])
      await answerAs(env, db, id, answer);
    created++;
  }

  const closedTitle = "Rådslag: Klimatomställningen";
  if (!(await exists(db, national.groupId, closedTitle))) {
    const id = await createConsultation(
      db,
      national,
      demoInput(closedTitle, "Hur ska omställningen bli rättvis där ni bor?", now - 40 * day, now + day),
      "demo-astrid",
    );
    const draft = await findConsultation(db, id, null);
    if (!draft) throw new Error("demo consultation vanished");
    await publish(db, draft.record, national, "demo-astrid");
    const goteborg = await answerAs(env, db, id, {
      branch: "goteborg",
      by: "demo-bengt",
      texts: [
        "Kollektivtrafiken måste byggas ut innan bilen blir dyrare.",
        "Industrins jobb i omställningen.",
      ],
      choice: 2,
      scale: 4,
    });
    const stockholm = await answerAs(env, db, id, {
      branch: "stockholm",
      by: "demo-david",
      texts: ["Energieffektivisera miljonprogrammet utan hyreschocker.", "Bostäderna först."],
      choice: 3,
      scale: 3,
    });
    // Closed ten days ago: the clock decides the phase, so the instants are moved back.
    await db
      .update(consultations)
      .set({ closesAt: now - 10 * day })
      .where(eq(consultations.id, id));
    const closed = await findConsultation(db, id, null);
    if (!closed) throw new Error("demo consultation vanished");
    const first = (await questionsOf(db, id))[0]?.id ?? 0;
    await addQuote(
      db,
      closed.record,
      { groupId: goteborg, questionId: first, excerpt: "Kollektivtrafiken måste byggas ut" },
      "demo-astrid",
    );
    await addQuote(
      db,
      closed.record,
      { groupId: stockholm, questionId: first, excerpt: "utan hyreschocker" },
      "demo-astrid",
    );
    // Demo data mails nobody.
    await publishFeedback(
      db,
      closed.record,
      "Tack för era svar. Det ni sa: omställningen måste märkas i vardagen, med kollektivtrafik och bostäder först. Det vi gör: partistyrelsen lägger fram ett program för rättvis omställning till kongressen.",
      "demo-astrid",
    );
    created++;
  }
  return created;
}
