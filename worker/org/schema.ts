import {
  type AnySQLiteColumn,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { groupKinds } from "../shared/org";

/** Swedish counties (län). Districts and branches point at the county they lie in. */
export const counties = sqliteTable("counties", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/**
 * Every organisational unit in one tree: national → district → branch → association, plus
 * side organisations under the national level. One table keeps memberships and roles
 * pointing at a single kind of thing. The integer id doubles as the rowid that the
 * full-text index (`group_search`, migration 0001) refers to.
 */
export const groups = sqliteTable(
  "groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: groupKinds }).notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => groups.id),
    countyCode: text("county_code").references(() => counties.code),
    municipalityCode: text("municipality_code"),
  },
  (t) => [uniqueIndex("groups_kind_slug").on(t.kind, t.slug), index("groups_parent").on(t.parentId)],
);
