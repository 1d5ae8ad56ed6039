import { z } from "zod";
import { importGroupKinds } from "./members";
import { slugPattern } from "./org";

/** `?group=branch:goteborg`: the group the importer acts for (`national:national` for the whole party). */
export const importGroupQuerySchema = z.object({
  group: z
    .string()
    .max(100)
    .transform((value, ctx) => {
      const at = value.indexOf(":");
      const kind = value.slice(0, at);
      const slug = value.slice(at + 1);
      const parsedKind = z.enum(importGroupKinds).safeParse(kind);
      if (at < 0 || !parsedKind.success || !slugPattern.test(slug)) {
        ctx.addIssue({ code: "custom", message: "a group as <kind>:<slug>, e.g. branch:goteborg" });
        return z.NEVER;
      }
      return { kind: parsedKind.data, slug };
    }),
});

/** Import ids are 16 random bytes, base64url: 22 characters. */
export const importIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "an import id") });
