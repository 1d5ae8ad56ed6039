import { callOrNull, client } from "../api/client";

/** Development-mode details, or null when the Worker is not in development mode (404). */
export const devInfo = () => callOrNull(client.api.dev.$get(), 404);
