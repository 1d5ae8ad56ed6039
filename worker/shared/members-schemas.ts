import { z } from "zod";
import { importGroupKinds } from "./members";
import { groupRefSchema } from "./org-schemas";

/** `?group=branch:goteborg`: the group the importer acts for (`national:national` for the whole party). */
export const importGroupQuerySchema = z.object({ group: groupRefSchema(importGroupKinds) });

/** Import ids are 16 random bytes, base64url: 22 characters. */
export const importIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "an import id") });
