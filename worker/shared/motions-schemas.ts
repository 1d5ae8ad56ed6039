import { z } from "zod";
import {
  amendmentDecisions,
  amendmentTextMaxLength,
  commentBodyMaxLength,
  lineLengthLimits,
  motionKinds,
  motionListLimitMax,
  motionOutcomes,
  motionSearchMaxLength,
  motionStates,
  motionTitleMaxLength,
  proposalVerdicts,
} from "./motions";
import { groupKinds } from "./org";
import { groupRefSchema } from "./org-schemas";

/** `?group=branch:goteborg`: the group a list or a new motion belongs to. */
export const motionGroupQuerySchema = z.object({ group: groupRefSchema(groupKinds) });

export const motionListQuerySchema = motionGroupQuerySchema.extend({
  state: z.enum(motionStates).optional(),
  q: z.string().trim().min(1).max(motionSearchMaxLength).optional(),
  limit: z.coerce.number().int().min(1).max(motionListLimitMax).default(50),
});
export type MotionListQuery = z.input<typeof motionListQuerySchema>;

/** A row id in a path. */
const rowId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31);

export const motionIdParamSchema = z.object({ id: rowId });
export const motionVersionParamSchema = motionIdParamSchema.extend({
  number: z.coerce.number().int().min(1).max(10_000),
});

const titleSchema = z.string().trim().min(1).max(motionTitleMaxLength);

/** A new motion or idea draft; the text is then written live in `motion:<id>`. */
export const createMotionSchema = z.object({
  kind: z.enum(motionKinds),
  title: titleSchema,
});
export type CreateMotion = z.input<typeof createMotionSchema>;

export const coauthorSchema = z.object({ personId: z.string().min(1).max(64) });

export const submitMotionSchema = z.object({ periodId: z.number().int().min(1) });

export const createPeriodSchema = z.object({
  title: titleSchema,
  deadline: z.number().int().min(0),
  minSupporters: z.number().int().min(0).max(1000).default(0),
  acceptsMemberMotions: z.boolean().default(true),
  lineLength: z.number().int().min(lineLengthLimits.min).max(lineLengthLimits.max).default(80),
});
export type CreatePeriod = z.input<typeof createPeriodSchema>;

const verdictSchema = z
  .object({
    verdict: z.enum(proposalVerdicts),
    amendedText: z.string().trim().min(1).max(5000).optional(),
  })
  .refine((v) => (v.verdict === "amended") === (v.amendedText !== undefined), {
    message: "amendedText goes with the verdict amended, and only with it",
  });

/** The board's statement: one proposal per att-sats of the submitted version, in order. */
export const statementSchema = z.object({
  text: z.string().trim().min(1).max(20_000),
  proposals: z.array(verdictSchema).max(100),
});
export type StatementInput = z.input<typeof statementSchema>;

/** The meeting's decision: one per att-sats, in order. */
export const decisionSchema = z.object({ decisions: z.array(verdictSchema).max(100) });
export type DecisionInput = z.input<typeof decisionSchema>;

export const conclusionSchema = z.object({ outcome: z.enum(motionOutcomes) });

const lineNumber = z.number().int().min(1).max(100_000);

/** A proposed amendment: lines first–last of a version, replaced by `text` (one paragraph). */
export const amendmentSchema = z
  .object({
    version: z.number().int().min(1).max(10_000),
    firstLine: lineNumber,
    lastLine: lineNumber,
    text: z
      .string()
      .max(amendmentTextMaxLength)
      .refine((t) => !/[\r\n]/.test(t), { message: "one paragraph: no line breaks" })
      .transform((t) => t.replace(/\s+/gu, " ").trim()),
    reason: z.string().trim().max(amendmentTextMaxLength).default(""),
  })
  .refine((a) => a.firstLine <= a.lastLine, {
    message: "firstLine comes before lastLine",
    path: ["lastLine"],
  });
export type AmendmentInput = z.input<typeof amendmentSchema>;

export const amendmentParamSchema = motionIdParamSchema.extend({ amendmentId: rowId });

export const amendmentDecisionSchema = z.object({ decision: z.enum(amendmentDecisions) });

/** `?from=1&to=2`: the two versions to compare. */
export const versionDiffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(10_000),
  to: z.coerce.number().int().min(1).max(10_000),
});

/** A Yjs relative position, base64 of Y.encodeRelativePosition. */
const relativePosition = z
  .string()
  .min(4)
  .max(400)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** A new comment thread on a passage of the live text. */
export const commentThreadSchema = z.object({
  field: z.string().min(1).max(64),
  start: relativePosition,
  end: relativePosition,
  body: z.string().trim().min(1).max(commentBodyMaxLength),
});
export type CommentThreadInput = z.input<typeof commentThreadSchema>;

export const commentReplySchema = z.object({ body: z.string().trim().min(1).max(commentBodyMaxLength) });

export const commentParamSchema = motionIdParamSchema.extend({ threadId: rowId });

export const commentResolveSchema = z.object({ resolved: z.boolean() });

/** `?q=`: the start of a name, to find a co-author among the group's members. */
export const coauthorSearchSchema = z.object({ q: z.string().trim().max(100).default("") });
