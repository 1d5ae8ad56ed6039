import { getDb } from "../db/client";
import { featureApp } from "../http/app";
import { seedOrganisation } from "../org/seed";
import type { DevInfo } from "../shared/health";
import { devOnly } from "./switch";

export const devRoutes = featureApp()
  .use(devOnly)
  .get("/", (c) => c.json({ devMode: true, features: ["seed"] } satisfies DevInfo))
  // Idempotent: `npm start` calls it on every start, and a second call changes nothing.
  .post("/seed", async (c) => c.json(await seedOrganisation(getDb(c.env.DB))));
