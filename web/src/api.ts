import type { ApiErrorBody, ErrorCode } from "../../worker/shared/errors";
import { errorCodeForStatus, isErrorCode } from "../../worker/shared/errors";
import type { DevInfo, HealthReport } from "../../worker/shared/health";
import type {
  AuditEntryView,
  DemoPerson,
  GuestInvite,
  GuestMe,
  LoginRequested,
  Me,
  OutboxMessage,
  SessionInfo,
} from "../../worker/shared/identity";
import type { ImportProgress, MemberImport } from "../../worker/shared/members";
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

async function errorFrom(response: Response): Promise<ApiRequestError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    const code = body.error?.code;
    if (isErrorCode(code)) return new ApiRequestError(code, response.status, body.error?.message ?? code);
  } catch {
    // Not our JSON error body (a proxy's HTML page, say): fall back to the status.
  }
  return new ApiRequestError(errorCodeForStatus(response.status), response.status);
}

/** GET, with null for the one status that means "there is none" (e.g. 401 for nobody logged in). */
async function getOrNull<T>(path: string, noneStatus: number): Promise<T | null> {
  try {
    return await get<T>(path);
  } catch (error) {
    if (isApiRequestError(error) && error.status === noneStatus) return null;
    throw error;
  }
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

/**
 * A state-changing request (POST, DELETE) with an optional JSON body, in the current UI
 * language. Same origin, so the browser sends the session cookie and the Origin and
 * Sec-Fetch-Site headers the Worker's cross-site check reads. 204 resolves to undefined.
 */
async function send<T>(method: "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": locale() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiRequestError("network", 0);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiRequestError("internal", response.status);
  }
}

/** A download of all data samtal holds about the logged-in person (a JSON file); a link, not a fetch. */
export const myDataExportPath = "/api/me/data/export";

/**
 * POSTs a file as the raw body (not JSON, not a form), with its media type, in the current
 * UI language. Same origin, so the session cookie and the cross-site check's headers go with it.
 */
async function sendFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { Accept: "application/json", "Accept-Language": locale(), "Content-Type": contentType },
      body: file,
    });
  } catch {
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

  /** Who is logged in on this browser, or null when nobody is (401). */
  me: () => getOrNull<Me>("/api/me", 401),

  /** Asks for a log-in link. The answer is the same whether or not the address is a member's. */
  requestLoginLink: (email: string) => send<LoginRequested>("POST", "/api/auth/login", { email }),

  /** Spends a log-in link's token: the person, and a session cookie set by the Worker. */
  verifyLoginLink: (token: string) => send<Me>("POST", "/api/auth/verify", { token }),

  logout: () => send<void>("POST", "/api/auth/logout"),

  sessions: () => get<SessionInfo[]>("/api/me/sessions"),

  endSession: (id: string) => send<void>("DELETE", `/api/me/sessions/${encodeURIComponent(id)}`),

  /** The guest on this browser (after accepting an invite), or null when there is none (404). */
  guest: () => getOrNull<GuestMe>("/api/guest", 404),

  /** A member invites guests to a document: the answer carries the link, shown only this once. */
  createInvite: (documentId: string) => send<GuestInvite>("POST", "/api/invites", { documentId }),

  /** The invites this member has made (without their links), newest first. */
  invites: () => get<GuestInvite[]>("/api/invites"),

  /** Withdraws an invite: its guests lose access at once. */
  withdrawInvite: (id: string) => send<void>("DELETE", `/api/invites/${encodeURIComponent(id)}`),

  /** Follows an invite link as a guest: who she is now, and a guest cookie set by the Worker. */
  acceptInvite: (token: string, name: string) =>
    send<GuestMe>("POST", "/api/invites/accept", { token, name }),

  /** Erases the logged-in person's data; her session ends with it. */
  eraseMyData: () => send<void>("POST", "/api/me/data/erase", { confirm: "erase" }),

  /** The audit log, newest first (national administrators); `before` pages back by entry id. */
  audit: (query: { before?: number; limit?: number } = {}) => {
    const params = new URLSearchParams();
    if (query.before !== undefined) params.set("before", String(query.before));
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    const search = params.toString();
    return get<AuditEntryView[]>(search ? `/api/audit?${search}` : "/api/audit");
  },

  /** Uploads a member file (CSV) for a group (`branch:goteborg`, `national:national`): checked and staged, not yet applied. */
  uploadMemberImport: (group: string, file: Blob) =>
    sendFile<MemberImport>(`/api/members/imports?group=${encodeURIComponent(group)}`, file, "text/csv"),

  /** A staged or finished import: its counts and first refused rows. */
  memberImport: (id: string) => get<MemberImport>(`/api/members/imports/${encodeURIComponent(id)}`),

  /** Applies the next chunk of an import's rows; call again until `done`. */
  applyMemberImport: (id: string) =>
    send<ImportProgress>("POST", `/api/members/imports/${encodeURIComponent(id)}/apply`),

  /** Development only (404 otherwise): the demo people one can log in as. */
  devPeople: () => get<DemoPerson[]>("/api/dev/people"),

  /** Development only: log in as a demo person, without a mail. */
  devLoginAs: (personId: string) => send<Me>("POST", "/api/dev/login-as", { personId }),

  /** Development only: the mails samtal has "sent", newest first. */
  devOutbox: () => get<OutboxMessage[]>("/api/dev/outbox"),

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
