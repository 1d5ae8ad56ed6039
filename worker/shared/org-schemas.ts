import { z } from "zod";
import { browsableKinds, type GroupKind, searchLimitMax, searchQueryMaxLength, slugPattern } from "./org";

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

/**
 * A group named in a query as `<kind>:<slug>` (`branch:goteborg`, `national:national`), for
 * routes that act for a group: `kinds` are the kinds the route accepts.
 */
export function groupRefSchema<const K extends readonly [GroupKind, ...GroupKind[]]>(kinds: K) {
  const kindSchema = z.enum(kinds);
  return z
    .string()
    .max(100)
    .transform((value, ctx) => {
      const at = value.indexOf(":");
      const kind = kindSchema.safeParse(value.slice(0, at));
      const slug = value.slice(at + 1);
      if (at < 0 || !kind.success || !slugPattern.test(slug)) {
        ctx.addIssue({ code: "custom", message: "a group as <kind>:<slug>, e.g. branch:goteborg" });
        return z.NEVER;
      }
      return { kind: kind.data as K[number], slug };
    });
}
