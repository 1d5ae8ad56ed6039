import { z } from "zod";
import {
  lineLengthLimits,
  motionKinds,
  motionListLimitMax,
  motionOutcomes,
  motionSearchMaxLength,
  motionStates,
  motionTitleMaxLength,
  proposalVerdicts,
} from "./motions";
import { groupKinds, slugPattern } from "./org";

/** `?group=branch:goteborg`: the group a list or a new motion belongs to. */
export const motionGroupQuerySchema = z.object({
  group: z
    .string()
    .max(100)
    .transform((value, ctx) => {
      const at = value.indexOf(":");
      const kind = z.enum(groupKinds).safeParse(value.slice(0, at));
      const slug = value.slice(at + 1);
      if (at < 0 || !kind.success || !slugPattern.test(slug)) {
        ctx.addIssue({ code: "custom", message: "a group as <kind>:<slug>, e.g. branch:goteborg" });
        return z.NEVER;
      }
      return { kind: kind.data, slug };
    }),
});

export const motionListQuerySchema = motionGroupQuerySchema.extend({
  state: z.enum(motionStates).optional(),
  q: z.string().trim().min(1).max(motionSearchMaxLength).optional(),
  limit: z.coerce.number().int().min(1).max(motionListLimitMax).default(50),
});
export type MotionListQuery = z.input<typeof motionListQuerySchema>;

export const motionIdParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31),
});
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

/** `?q=`: the start of a name, to find a co-author among the group's members. */
export const coauthorSearchSchema = z.object({ q: z.string().trim().max(100).default("") });
