// Every table, for drizzle-kit and the typed client. Each feature keeps its own tables.
export * from "../audit/schema";
export * from "../consultations/schema";
export * from "../identity/schema";
export * from "../meetings/schema";
export * from "../members/schema";
export * from "../motions/schema";
export * from "../org/schema";
export * from "../rooms/schema";
