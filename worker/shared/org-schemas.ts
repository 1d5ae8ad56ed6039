import { z } from "zod";
import { browsableKinds, searchLimitMax, searchQueryMaxLength, slugPattern } from "./org";

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(slugPattern, "lowercase letters, digits and single hyphens");

export const groupParamsSchema = z.object({
  kind: z.enum(browsableKinds),
  slug: slugSchema,
});

export const groupSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(searchQueryMaxLength),
  kind: z.enum(browsableKinds).optional(),
  limit: z.coerce.number().int().min(1).max(searchLimitMax).default(20),
});
export type GroupSearchQuery = z.input<typeof groupSearchQuerySchema>;
