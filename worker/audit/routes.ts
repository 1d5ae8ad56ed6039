import { desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { requirePermission } from "../access/middleware";
import { national } from "../access/permissions";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { validate } from "../http/validate";
import { people } from "../identity/schema";
import type { AuditEntryView } from "../shared/identity";
import { auditLog } from "./schema";

/**
 * GET /api/audit?before=<id>&limit=<n>: the audit log, newest first (`audit.read`). Names
 * come from the people table at read time, so an erased person shows as nobody (the UI
 * says "former member"); the log itself holds only ids.
 */
export const auditRoutes = featureApp().get(
  "/",
  validate(
    "query",
    z.object({
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  ),
  requirePermission("audit.read", () => national),
  async (c) => {
    const { before, limit } = c.req.valid("query");
    const actor = alias(people, "actor");
    const rows = await getDb(c.env.DB)
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorId: auditLog.actorId,
        actorName: actor.name,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .where(before ? lt(auditLog.id, before) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(limit);
    c.header("Cache-Control", "no-store");
    return c.json(
      rows.map(
        (r): AuditEntryView => ({ ...r, details: JSON.parse(r.details) as AuditEntryView["details"] }),
      ),
    );
  },
);
