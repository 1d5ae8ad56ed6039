import { and, eq } from "drizzle-orm";
import type { DocumentKind } from "../access/documents";
import type { WorkspaceResource } from "../access/permissions";
import { ApiError } from "../http/errors";
import { answerDocumentPattern } from "../shared/consultations";
import { findWorkspace } from "./resource";
import { consultationQuestions } from "./schema";

/**
 * `consultation-answer:<consultationId>-<groupId>-<questionId>`: an asked group's text for
 * one question (an open answer, or a choice question's comment). The group's members write
 * while the consultation is open and the group has not submitted; they read it always. The
 * asking level never opens it: it reads what was submitted, frozen in D1. An id naming no
 * such question, group or asked group resolves to nothing (403 at the token endpoint).
 */
export const consultationAnswerDocuments: DocumentKind<WorkspaceResource> = {
  prefix: "consultation-answer",
  resolve: async (db, documentId) => {
    const match = answerDocumentPattern.exec(documentId);
    if (!match) return null;
    const [consultationId, groupId, questionId] = match.slice(1).map(Number) as [number, number, number];
    const [question] = await db
      .select({ comment: consultationQuestions.comment })
      .from(consultationQuestions)
      .where(
        and(
          eq(consultationQuestions.id, questionId),
          eq(consultationQuestions.consultationId, consultationId),
        ),
      );
    if (!question?.comment) return null;
    try {
      return await findWorkspace(db, consultationId, { id: groupId }, documentId);
    } catch (err) {
      if (err instanceof ApiError) return null;
      throw err;
    }
  },
  read: "consultation.workspace",
  write: "consultation.write",
};
