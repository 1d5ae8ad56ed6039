/**
 * Every error the API returns has a stable `code` from this table. The web app shows the
 * message for the code in the user's language, so the wording lives here once for both sides.
 */
export const errorMessages = {
  not_found: {
    sv: "Det du letar efter finns inte.",
    en: "What you are looking for does not exist.",
  },
  method_not_allowed: {
    sv: "Den här åtgärden går inte att göra här.",
    en: "This action is not possible here.",
  },
  validation_failed: {
    sv: "Några uppgifter saknas eller är felaktiga.",
    en: "Some details are missing or invalid.",
  },
  malformed_json: {
    sv: "Förfrågan gick inte att läsa (ogiltig JSON).",
    en: "The request could not be read (invalid JSON).",
  },
  unsupported_media_type: {
    sv: "Förfrågan har fel format. Skicka JSON.",
    en: "The request has the wrong format. Send JSON.",
  },
  upgrade_required: {
    sv: "Den här adressen kräver en WebSocket-anslutning.",
    en: "This address needs a WebSocket connection.",
  },
  payload_too_large: {
    sv: "Förfrågan är för stor.",
    en: "The request is too large.",
  },
  not_logged_in: {
    sv: "Du behöver logga in för att fortsätta.",
    en: "You need to log in to continue.",
  },
  forbidden: {
    sv: "Du har inte behörighet att göra det här.",
    en: "You are not allowed to do this.",
  },
  cross_site_refused: {
    sv: "Förfrågan kom inte från samtal och stoppades.",
    en: "The request did not come from samtal and was stopped.",
  },
  too_many_attempts: {
    sv: "För många försök. Vänta en stund och försök igen.",
    en: "Too many attempts. Wait a while and try again.",
  },
  login_link_invalid: {
    sv: "Inloggningslänken är ogiltig. Begär en ny.",
    en: "The log-in link is not valid. Ask for a new one.",
  },
  login_link_expired: {
    sv: "Inloggningslänken har gått ut (den gäller i 15 minuter). Begär en ny.",
    en: "The log-in link has expired (it is valid for 15 minutes). Ask for a new one.",
  },
  login_link_used: {
    sv: "Inloggningslänken är redan använd. Varje länk fungerar en gång. Begär en ny.",
    en: "The log-in link has already been used. Each link works once. Ask for a new one.",
  },
  invite_invalid: {
    sv: "Inbjudningslänken är ogiltig. Be den som bjöd in dig om en ny.",
    en: "The invite link is not valid. Ask whoever invited you for a new one.",
  },
  invite_expired: {
    sv: "Inbjudningslänken har gått ut. Be den som bjöd in dig om en ny.",
    en: "The invite link has expired. Ask whoever invited you for a new one.",
  },
  invite_revoked: {
    sv: "Inbjudan har dragits tillbaka.",
    en: "The invite has been withdrawn.",
  },
  service_unavailable: {
    sv: "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.",
    en: "The service is temporarily unavailable. Please try again shortly.",
  },
  internal: {
    sv: "Något gick fel hos oss. Försök igen om en stund.",
    en: "Something went wrong on our side. Please try again shortly.",
  },
  network: {
    sv: "Ingen kontakt med servern. Kontrollera din uppkoppling.",
    en: "Cannot reach the server. Check your connection.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

export const locales = ["sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "sv";

/** One field that failed validation: where, and what was wrong (in English, for developers). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The JSON body of every non-2xx API response. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: ValidationIssue[];
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(errorMessages, value);
}

/** Picks the first supported language from an Accept-Language header; Swedish otherwise. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.split("-")[0] ?? "", q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if ((locales as readonly string[]).includes(lang)) return lang as Locale;
  }
  return defaultLocale;
}
