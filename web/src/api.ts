import type { ApiErrorBody, ErrorCode } from "../../worker/shared/errors";
import { isErrorCode } from "../../worker/shared/errors";
import type { DevInfo, HealthReport } from "../../worker/shared/health";
import type {
  BrowsableKind,
  GroupDetail,
  GroupSearchResult,
  OrganisationOverview,
} from "../../worker/shared/org";
import { locale } from "./i18n";

/** A failed API call. `code` is the API's error code, or "network" when the server could not be reached. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The HTTP status; 0 when there was no response at all. */
    readonly status: number,
    message: string = code,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return "not_found";
  if (status === 405) return "method_not_allowed";
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 503) return "service_unavailable";
  if (status >= 400 && status < 500) return "validation_failed";
  return "internal";
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    const code = body.error?.code;
    if (isErrorCode(code)) return new ApiRequestError(code, response.status, body.error?.message ?? code);
  } catch {
    // Not our JSON error body (a proxy's HTML page, say): fall back to the status.
  }
  return new ApiRequestError(codeForStatus(response.status), response.status);
}

/** GET a JSON resource from the Worker in the current UI language. */
async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: "application/json", "Accept-Language": locale() },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    // A cancelled request is the caller's decision, not a failure to report.
    if (signal?.aborted) throw error;
    throw new ApiRequestError("network", 0);
  }
  if (!response.ok) throw await errorFrom(response);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiRequestError("internal", response.status);
  }
}

/** What `/api/org/search` accepts: q of 1–100 characters, limit 1–50 (20 when left out). */
export interface SearchQuery {
  q: string;
  kind?: BrowsableKind;
  limit?: number;
}

export const api = {
  organisation: () => get<OrganisationOverview>("/api/org"),

  group: (kind: BrowsableKind, slug: string) =>
    get<GroupDetail>(`/api/org/${encodeURIComponent(kind)}/${encodeURIComponent(slug)}`),

  search: (query: SearchQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({ q: query.q });
    if (query.kind) params.set("kind", query.kind);
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    return get<GroupSearchResult>(`/api/org/search?${params}`, signal);
  },

  health: () => get<HealthReport>("/api/health"),

  /** Development-mode details, or null when the Worker is not in development mode (404). */
  dev: async (): Promise<DevInfo | null> => {
    try {
      return await get<DevInfo>("/api/dev");
    } catch (error) {
      if (isApiRequestError(error) && error.status === 404) return null;
      throw error;
    }
  },
};
