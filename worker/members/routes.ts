import { findGroup } from "../access/groups";
import { requirePermission } from "../access/middleware";
import { authorize, national } from "../access/permissions";
import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { type Validated, validate } from "../http/validate";
import { importMaxBytes } from "../shared/members";
import { importGroupQuerySchema, importIdParamSchema } from "../shared/members-schemas";
import { parseMemberCsv } from "./csv";
import {
  applyNextChunk,
  describeImport,
  findImport,
  importExpired,
  newImportId,
  progressOf,
  purgeExpiredImports,
  stageImport,
} from "./imports";
import { checkRow, loadDirectory } from "./rows";

/**
 * Member import:
 * - `POST /api/members/imports?group=branch:goteborg` with the CSV as the body: parse,
 *   check every row, stage; answers the import with its refused rows (`members.import`);
 * - `POST /api/members/imports/:id/apply`: applies the next chunk; the browser repeats it;
 * - `GET /api/members/imports/:id`: status and refused rows.
 * Who may see and apply a staged import is `import.open` in worker/access/permissions.ts.
 */

function uploadGroup(c: Validated<"query", typeof importGroupQuerySchema>) {
  return findGroup(getDb(c.env.DB), c.req.valid("query").group);
}

/** A staged import as the permission table judges it, with the record the handlers work on. */
async function stagedImport(c: Validated<"param", typeof importIdParamSchema>) {
  const db = getDb(c.env.DB);
  const record = await findImport(db, c.req.valid("param").id);
  const group = record && (await findGroup(db, { id: record.groupId }));
  return record && group ? { type: "import" as const, createdBy: record.createdBy, group, record } : null;
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
  .post(
    "/imports",
    validate("query", importGroupQuerySchema),
    requirePermission("members.import", uploadGroup),
    async (c) => {
      const identity = c.get("identity");
      const { groupId } = c.get("resource");
      const db = getDb(c.env.DB);
      const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
      if (mediaType !== "text/csv") throw new ApiError(415, "import_not_csv");

      const file = parseMemberCsv(await readBody(c.req.raw, importMaxBytes));
      const directory = await loadDirectory(db);
      const scope = {
        groupId,
        mayGrantNationalAdmin: authorize(identity, "members.grant_national_admin", national),
      };
      const rows = file.rows.map((row) => checkRow(directory, scope, row));

      const now = Date.now();
      await purgeExpiredImports(db, now);
      const id = newImportId();
      await stageImport(c.env.DB, {
        id,
        groupId,
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
    },
  )
  .get(
    "/imports/:id",
    validate("param", importIdParamSchema),
    requirePermission("import.open", stagedImport),
    async (c) => {
      const db = getDb(c.env.DB);
      const { record } = c.get("resource");
      c.header("Cache-Control", "no-store");
      return c.json(await describeImport(db, record));
    },
  )
  .post(
    "/imports/:id/apply",
    validate("param", importIdParamSchema),
    requirePermission("import.open", stagedImport),
    async (c) => {
      const identity = c.get("identity");
      const db = getDb(c.env.DB);
      const { id } = c.req.valid("param");
      const { record } = c.get("resource");
      const now = Date.now();
      if (record.status !== "done") {
        if (importExpired(record, now)) throw new ApiError(410, "import_expired");
        await applyNextChunk(db, c.env.DB, id, identity.personId, now);
      }
      const after = (await findImport(db, id)) ?? record;
      c.header("Cache-Control", "no-store");
      return c.json(progressOf(after));
    },
  );
