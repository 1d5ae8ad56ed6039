import { defineConfig } from "drizzle-kit";

// drizzle-kit 0.31 writes flat migrations/NNNN_name.sql files, which `wrangler d1 migrations
// apply` understands. Hand-written SQL that drizzle cannot express (the FTS5 search index)
// goes in a custom migration: `npx drizzle-kit generate --custom --name=<name>`.
export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema.ts",
  out: "./migrations",
});
