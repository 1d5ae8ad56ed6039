import { failedWith } from "../api/client";

/** A page's data, or why it is not shown: no such thing (or not hers to see), or not logged in. */
export type Loaded<T> = { value: T } | { missing: true } | { loginNeeded: true } | { forbidden: true };

/**
 * Loads a page's data, turning the answers a page shows as such into `Loaded`: 404 (and a
 * malformed address, 400) is "not found", 401 asks her to log in, 403 says it is not hers.
 */
export async function loadPage<T>(request: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { value: await request() };
  } catch (error) {
    if (failedWith(error, 404, 400)) return { missing: true };
    if (failedWith(error, 401)) return { loginNeeded: true };
    if (failedWith(error, 403)) return { forbidden: true };
    throw error;
  }
}

export const isId = (id: string | undefined) => /^[1-9][0-9]{0,9}$/.test(id ?? "");
