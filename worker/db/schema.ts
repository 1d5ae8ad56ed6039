// Every table, for drizzle-kit and the typed client. Each feature keeps its own tables.
export * from "../identity/schema";
export * from "../org/schema";
export * from "../rooms/schema";
