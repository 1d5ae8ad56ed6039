import { and, eq } from "drizzle-orm";
import { auditStatement } from "../audit/log";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { documentToProseMirror, documentToText, loadDocument } from "../rooms/documents";
import { closeDocumentConnections } from "../rooms/revocation";
import { type AnswerItem, answerDocumentId, type Choice, type Question } from "../shared/consultations";
import { inStatements } from "./ask";
import { questionsOf } from "./queries";
import type { FoundWorkspace } from "./resource";
import {
  consultationAnswerItems,
  consultationAnswers,
  consultationGroups,
  consultationIndividualAnswers,
} from "./schema";

/**
 * Answering together: a group's choice draft, submitting (the live texts frozen from the
 * rooms with the choices into version N), reopening, and members' own answers. The routes
 * have asked the permission table who may; these check the clock and the group's state and
 * refuse with a named error, nothing changed.
 */

function refuse(code: ConstructorParameters<typeof ApiError>[1], status: 409 | 422 = 409): never {
  throw new ApiError(status, code);
}

/** Open now, or refused: not yet open, or past the deadline. */
function requireOpen(workspace: FoundWorkspace): void {
  if (workspace.phase === "closed") refuse("consultation_closed");
  if (workspace.phase !== "open") refuse("consultation_not_open");
}

/** A choice checked against its question: a known question, options within range, a value on the scale. */
function checkChoice(questions: Map<number, Question>, choice: Choice): Choice {
  const question = questions.get(choice.questionId);
  if (!question) refuse("consultation_unknown_question", 422);
  const picked = choice.choices ?? [];
  const valid =
    question.kind === "scale"
      ? !picked.length &&
        choice.value !== undefined &&
        question.scale !== null &&
        choice.value >= question.scale.min &&
        choice.value <= question.scale.max
      : question.kind !== "open" &&
        choice.value === undefined &&
        picked.every((i) => i < question.options.length) &&
        new Set(picked).size === picked.length &&
        (question.kind === "multiple" ? picked.length >= 1 : picked.length === 1);
  if (!valid) refuse("consultation_invalid_choice", 422);
  return question.kind === "scale"
    ? { questionId: question.id, value: choice.value as number }
    : { questionId: question.id, choices: [...picked].sort((a, b) => a - b) };
}

/** Each question at most once, each checked; the last one given for a question counts. */
async function checkChoices(db: Db, consultationId: number, choices: Choice[]): Promise<Choice[]> {
  const questions = new Map((await questionsOf(db, consultationId)).map((q) => [q.id, q]));
  const checked = new Map(choices.map((c) => [c.questionId, checkChoice(questions, c)]));
  return [...checked.values()];
}

/** Saves the group's choice draft (what the next submit freezes). */
export async function saveChoices(db: Db, workspace: FoundWorkspace, choices: Choice[]): Promise<void> {
  requireOpen(workspace);
  const checked = await checkChoices(db, workspace.consultationId, choices);
  await db
    .update(consultationGroups)
    .set({ draft: JSON.stringify(checked) })
    .where(
      and(
        eq(consultationGroups.consultationId, workspace.consultationId),
        eq(consultationGroups.groupId, workspace.group.groupId),
      ),
    );
}

/**
 * Submits the group's answer: each question's live text is read from its room and frozen
 * with the drafted choices as the next version, with who and when. The version's key
 * (consultation, group, number) makes a second submit of the same state fail as a whole, so
 * each answer is stored exactly once however many times the button is pressed. Returns the
 * workspace as it now is.
 */
export async function submitAnswer(
  env: Env,
  db: Db,
  workspace: FoundWorkspace,
  personId: string,
): Promise<FoundWorkspace> {
  requireOpen(workspace);
  if (workspace.submitted) refuse("consultation_already_submitted");
  const { consultationId, asked } = workspace;
  const groupId = workspace.group.groupId;
  const questions = await questionsOf(db, consultationId);
  const draft = new Map((JSON.parse(asked.draft) as Choice[]).map((c) => [c.questionId, c]));
  const texts = await Promise.all(
    questions.map(async (q) => {
      if (!q.comment) return null;
      const doc = await loadDocument(env, answerDocumentId(consultationId, groupId, q.id));
      return { text: documentToText(doc).trim(), json: documentToProseMirror(doc) };
    }),
  );
  const version = asked.latestVersion + 1;
  const now = Date.now();
  await db
    .batch([
      db
        .insert(consultationAnswers)
        .values({ consultationId, groupId, version, submittedBy: personId, submittedAt: now }),
      ...inStatements(
        questions.map((q, i) => {
          const choice = draft.get(q.id);
          const text = texts[i];
          return {
            consultationId,
            groupId,
            version,
            questionId: q.id,
            text: text?.text ?? "",
            json: text ? JSON.stringify(text.json) : null,
            choices: choice?.choices ? JSON.stringify(choice.choices) : null,
            value: choice?.value ?? null,
          };
        }),
      ).map((rows) => db.insert(consultationAnswerItems).values(rows)),
      db
        .update(consultationGroups)
        .set({ latestVersion: version, reopened: false, submittedAt: now })
        .where(
          and(
            eq(consultationGroups.consultationId, consultationId),
            eq(consultationGroups.groupId, groupId),
            eq(consultationGroups.latestVersion, version - 1),
          ),
        ),
      auditStatement(db, {
        actorId: personId,
        action: "consultation.submitted",
        subjectType: "consultation",
        subjectId: String(consultationId),
        details: { group: groupId, version },
      }),
    ])
    .catch(() => refuse("consultation_already_submitted"));
  // Editors holding write tokens reconnect and get read-only ones.
  await closeDocumentConnections(
    env,
    db,
    questions.filter((q) => q.comment).map((q) => answerDocumentId(consultationId, groupId, q.id)),
  );
  // The workspace as the freeze left it, so the answer need not read it back.
  return {
    ...workspace,
    submitted: true,
    asked: { ...asked, latestVersion: version, reopened: false, submittedAt: now },
  };
}

/** Reopens a submitted answer before the deadline: the group writes again; the latest version counts until the next. */
export async function reopenAnswer(db: Db, workspace: FoundWorkspace, personId: string): Promise<void> {
  requireOpen(workspace);
  if (!workspace.submitted) refuse("consultation_not_submitted");
  const { consultationId } = workspace;
  const groupId = workspace.group.groupId;
  await db.batch([
    db
      .update(consultationGroups)
      .set({ reopened: true })
      .where(
        and(eq(consultationGroups.consultationId, consultationId), eq(consultationGroups.groupId, groupId)),
      ),
    auditStatement(db, {
      actorId: personId,
      action: "consultation.reopened",
      subjectType: "consultation",
      subjectId: String(consultationId),
      details: { group: groupId },
    }),
  ]);
}

/** A member's own answer, replaced as a whole while the consultation is open. */
export async function saveIndividual(
  db: Db,
  workspace: FoundWorkspace,
  personId: string,
  input: {
    questionId: number;
    text?: string | undefined;
    choices?: number[] | undefined;
    value?: number | undefined;
  }[],
): Promise<void> {
  requireOpen(workspace);
  const questions = new Map((await questionsOf(db, workspace.consultationId)).map((q) => [q.id, q]));
  const items: AnswerItem[] = input.map((item) => {
    const question = questions.get(item.questionId);
    if (!question) refuse("consultation_unknown_question", 422);
    const hasChoice = item.choices !== undefined || item.value !== undefined;
    const choice = question.kind === "open" || !hasChoice ? null : checkChoice(questions, item);
    if (question.kind === "open" && hasChoice) refuse("consultation_invalid_choice", 422);
    return {
      questionId: question.id,
      text: item.text ?? "",
      choices: choice?.choices ?? null,
      value: choice?.value ?? null,
    };
  });
  const row = { items: JSON.stringify(items), updatedAt: Date.now() };
  await db
    .insert(consultationIndividualAnswers)
    .values({ consultationId: workspace.consultationId, groupId: workspace.group.groupId, personId, ...row })
    .onConflictDoUpdate({
      target: [
        consultationIndividualAnswers.consultationId,
        consultationIndividualAnswers.groupId,
        consultationIndividualAnswers.personId,
      ],
      set: row,
    });
}
