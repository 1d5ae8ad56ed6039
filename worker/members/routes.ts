import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { currentIdentity, groupPath, type Identity } from "../access/identity";
import { authorize } from "../access/permissions";
import { type Db, getDb } from "../db/client";
import { type AppEnv, featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { validate } from "../http/validate";
import { groups } from "../org/schema";
import { importMaxBytes } from "../shared/members";
import { importGroupQuerySchema, importIdParamSchema } from "../shared/members-schemas";
import { parseMemberCsv } from "./csv";
import {
  applyNextChunk,
  describeImport,
  findImport,
  type ImportRecord,
  importExpired,
  newImportId,
  progressOf,
  purgeExpiredImports,
  stageImport,
} from "./imports";
import { checkRow, loadDirectory } from "./rows";

/**
 * Member import (`members.import` in worker/access/permissions.ts):
 * - `POST /api/members/imports?group=branch:goteborg` with the CSV as the body: parse,
 *   check every row, stage; answers the import with its refused rows;
 * - `POST /api/members/imports/:id/apply`: applies the next chunk; the browser repeats it;
 * - `GET /api/members/imports/:id`: status and refused rows.
 * An import is seen and applied only by the person who uploaded it or by someone who may
 * import for the whole party, and only while they still may import for its group.
 */

type Member = Extract<Identity, { kind: "member" }>;

async function requireMember(c: Context<AppEnv>): Promise<Member> {
  const identity = await currentIdentity(c);
  if (identity.kind === "anonymous") throw new ApiError(401, "not_logged_in");
  if (identity.kind !== "member") throw new ApiError(403, "forbidden");
  return identity;
}

const groupResource = async (db: Db, groupId: number) =>
  ({ type: "group", groupId, path: await groupPath(db, groupId) }) as const;

async function nationalGroupId(db: Db): Promise<number | undefined> {
  const [national] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.kind, "national"), eq(groups.slug, "national")));
  return national?.id;
}

/** The import, if this person may see and apply it (404 when there is none, 403 when not hers). */
async function importFor(db: Db, identity: Member, id: string): Promise<ImportRecord> {
  const record = await findImport(db, id);
  if (!record) throw new ApiError(404, "not_found");
  const mayImportHere = authorize(identity, "members.import", await groupResource(db, record.groupId));
  const nationalId = await nationalGroupId(db);
  const mayImportEverywhere =
    nationalId !== undefined && authorize(identity, "members.import", await groupResource(db, nationalId));
  if (!mayImportHere || (record.createdBy !== identity.personId && !mayImportEverywhere)) {
    throw new ApiError(403, "forbidden");
  }
  return record;
}

/** The body, refusing (413) as soon as it passes `limit` bytes rather than after reading it all. */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get("Content-Length") ?? 0) > limit) {
    throw new ApiError(413, "import_file_too_large");
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError(413, "import_file_too_large");
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

export const memberRoutes = featureApp()
  .post("/imports", validate("query", importGroupQuerySchema), async (c) => {
    const identity = await requireMember(c);
    const { kind, slug } = c.req.valid("query").group;
    const db = getDb(c.env.DB);
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.kind, kind), eq(groups.slug, slug)));
    if (!group) throw new ApiError(404, "not_found");
    if (!authorize(identity, "members.import", await groupResource(db, group.id))) {
      throw new ApiError(403, "forbidden");
    }
    const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "text/csv") throw new ApiError(415, "import_not_csv");

    const file = parseMemberCsv(await readBody(c.req.raw, importMaxBytes));
    const directory = await loadDirectory(db);
    const scope = {
      groupId: group.id,
      mayGrantNationalAdmin: identity.grants.some((g) => g.role === "national_admin"),
    };
    const rows = file.rows.map((row) => checkRow(directory, scope, row));

    const now = Date.now();
    await purgeExpiredImports(db, now);
    const id = newImportId();
    await stageImport(c.env.DB, {
      id,
      groupId: group.id,
      createdBy: identity.personId,
      createdAt: now,
      encoding: file.encoding,
      delimiter: file.delimiter,
      rows,
    });
    const record = await findImport(db, id);
    if (!record) throw new Error("staged import missing");
    c.header("Cache-Control", "no-store");
    return c.json(await describeImport(db, record, file.ignoredColumns), 201);
  })
  .get("/imports/:id", validate("param", importIdParamSchema), async (c) => {
    const identity = await requireMember(c);
    const db = getDb(c.env.DB);
    const record = await importFor(db, identity, c.req.valid("param").id);
    c.header("Cache-Control", "no-store");
    return c.json(await describeImport(db, record));
  })
  .post("/imports/:id/apply", validate("param", importIdParamSchema), async (c) => {
    const identity = await requireMember(c);
    const db = getDb(c.env.DB);
    const { id } = c.req.valid("param");
    const record = await importFor(db, identity, id);
    const now = Date.now();
    if (record.status !== "done") {
      if (importExpired(record, now)) throw new ApiError(410, "import_expired");
      await applyNextChunk(db, c.env.DB, id, identity.personId, now);
    }
    const after = (await findImport(db, id)) ?? record;
    c.header("Cache-Control", "no-store");
    return c.json(progressOf(after));
  });
