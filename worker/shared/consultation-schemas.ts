import { z } from "zod";
import { askableKinds, exportFormats, consultationLimits as limits, questionKinds } from "./consultations";
import { groupKinds, slugPattern } from "./org";
import { groupRefSchema } from "./org-schemas";

/** The zod validators for the contracts in consultations.ts. */

const rowId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31);

/** `?group=national:national`: the group that asks, or whose consultations are listed. */
export const consultationGroupQuerySchema = z.object({ group: groupRefSchema(groupKinds) });

export const consultationIdParamSchema = z.object({ id: rowId });
/** `/:id/groups/:group`, the group as `<kind>:<slug>`. */
export const workspaceParamSchema = consultationIdParamSchema.extend({
  group: groupRefSchema(["branch", "association", "side"]),
});
export const versionParamSchema = workspaceParamSchema.extend({
  number: z.coerce.number().int().min(1).max(10_000),
});
export const quoteParamSchema = consultationIdParamSchema.extend({ quoteId: rowId });

const text = (max: number) => z.string().trim().min(1).max(max);

const questionSchema = z
  .object({
    kind: z.enum(questionKinds),
    prompt: text(limits.prompt),
    options: z.array(text(limits.option)).max(limits.options).optional(),
    scale: z
      .object({
        min: z.number().int().min(0).max(1),
        max: z.number().int().min(2).max(limits.scaleMax),
        minLabel: z.string().trim().max(limits.option).optional(),
        maxLabel: z.string().trim().max(limits.option).optional(),
      })
      .optional(),
    comment: z.boolean().optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single" || q.kind === "multiple";
    if (choice && (q.options?.length ?? 0) < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "at least two options" });
    if (!choice && q.options)
      ctx.addIssue({ code: "custom", path: ["options"], message: "only for single or multiple choice" });
    if ((q.kind === "scale") !== (q.scale !== undefined))
      ctx.addIssue({
        code: "custom",
        path: ["scale"],
        message: "a scale question, and only it, has a scale",
      });
  });

const audienceSchema = z.object({
  kinds: z.array(z.enum(askableKinds)).min(1).max(askableKinds.length),
  districts: z.array(z.string().regex(slugPattern).max(80)).max(30).default([]),
  individuals: z.boolean().default(false),
  individualsVisibleToGroup: z.boolean().default(false),
});

const instant = z.number().int().min(0).max(8.64e15);

export const consultationInputSchema = z
  .object({
    title: text(limits.title),
    introduction: z.string().trim().max(limits.introduction).default(""),
    questions: z.array(questionSchema).min(1).max(limits.questions),
    audience: audienceSchema,
    opensAt: instant,
    closesAt: instant,
  })
  .refine((c) => c.closesAt > c.opensAt, { path: ["closesAt"], message: "closes after it opens" });
export type ConsultationInputBody = z.input<typeof consultationInputSchema>;

const choiceSchema = z.object({
  questionId: rowId,
  choices: z.array(z.number().int().min(0).max(limits.options)).max(limits.options).optional(),
  value: z.number().int().min(0).max(limits.scaleMax).optional(),
});

export const choicesInputSchema = z.object({ choices: z.array(choiceSchema).max(limits.questions) });

export const individualInputSchema = z.object({
  items: z
    .array(choiceSchema.extend({ text: z.string().trim().max(limits.individualText).optional() }))
    .max(limits.questions),
});

export const answersQuerySchema = z.object({
  question: rowId.optional(),
  district: z.string().regex(slugPattern).max(80).optional(),
  kind: z.enum(askableKinds).optional(),
  /** With `question`: answers that chose this option (or this scale value). */
  choice: z.coerce.number().int().min(0).max(limits.options).optional(),
  tag: rowId.optional(),
  q: z.string().trim().min(1).max(limits.search).optional(),
  limit: z.coerce.number().int().min(1).max(limits.answersPage).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type AnswersQuery = z.input<typeof answersQuerySchema>;

/** Members' own answers: the group answers' filters, less tags (staff tag group answers only). */
export const individualAnswersQuerySchema = answersQuerySchema.omit({ tag: true });
export type IndividualAnswersQuery = z.input<typeof individualAnswersQuerySchema>;

export const exportQuerySchema = z.object({ format: z.enum(exportFormats) });

export const tagInputSchema = z.object({ name: text(limits.tagName) });
export const taggingInputSchema = z.object({
  tagId: rowId,
  groupId: rowId,
  questionId: rowId,
  tagged: z.boolean(),
});
export const quoteInputSchema = z.object({
  groupId: rowId,
  questionId: rowId,
  excerpt: text(limits.excerpt),
});
export const feedbackInputSchema = z.object({ summary: text(limits.summary) });
