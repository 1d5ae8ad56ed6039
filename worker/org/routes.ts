import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { ApiError } from "../http/errors";
import { validate } from "../http/validate";
import type { GroupSearchResult } from "../shared/org";
import { groupParamsSchema, groupSearchQuerySchema } from "../shared/org-schemas";
import { groupDetail, organisationOverview, searchGroups } from "./queries";

export const orgRoutes = featureApp()
  .get("/", async (c) => {
    const overview = await organisationOverview(getDb(c.env.DB));
    if (!overview) throw new ApiError(404, "not_found");
    return c.json(overview);
  })
  .get("/search", validate("query", groupSearchQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const hits = await searchGroups(getDb(c.env.DB), query);
    return c.json({ query: query.q, hits } satisfies GroupSearchResult);
  })
  .get("/:kind/:slug", validate("param", groupParamsSchema), async (c) => {
    const { kind, slug } = c.req.valid("param");
    const detail = await groupDetail(getDb(c.env.DB), kind, slug);
    if (!detail) throw new ApiError(404, "not_found");
    return c.json(detail);
  });
