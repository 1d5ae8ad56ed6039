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
  oidc_failed: {
    sv: "Inloggningen via inloggningstjänsten gick inte att slutföra. Försök igen, eller logga in med en länk via e-post.",
    en: "The log-in through the log-in service could not be completed. Try again, or log in with a link by e-mail.",
  },
  oidc_cancelled: {
    sv: "Inloggningen avbröts hos inloggningstjänsten. Du är inte inloggad.",
    en: "The log-in was cancelled at the log-in service. You are not logged in.",
  },
  oidc_expired: {
    sv: "Inloggningen tog för lång tid eller startades i en annan webbläsare. Försök igen.",
    en: "The log-in took too long or was started in another browser. Try again.",
  },
  oidc_unavailable: {
    sv: "Inloggningstjänsten svarar inte just nu. Försök igen om en stund, eller logga in med en länk via e-post.",
    en: "The log-in service is not answering right now. Try again shortly, or log in with a link by e-mail.",
  },
  oidc_email_unverified: {
    sv: "Inloggningstjänsten har inte bekräftat din e-postadress, så vi kan inte veta vem du är i samtal. Bekräfta adressen där, eller logga in med en länk via e-post.",
    en: "The log-in service has not confirmed your e-mail address, so samtal cannot tell who you are. Confirm the address there, or log in with a link by e-mail.",
  },
  oidc_no_member: {
    sv: "Du loggade in, men vi hittar ingen medlem med den e-postadress som inloggningstjänsten uppgav. Kontakta din arbetarekommun om adressen i medlemsregistret behöver ändras.",
    en: "You logged in, but we found no member with the e-mail address the log-in service gave us. Contact your municipal branch if the address in the member register needs changing.",
  },
  import_not_csv: {
    sv: "Filen måste skickas som CSV (text/csv).",
    en: "The file must be sent as CSV (text/csv).",
  },
  import_file_too_large: {
    sv: "Filen är för stor. En fil får vara högst 20 MB.",
    en: "The file is too large. A file may be at most 20 MB.",
  },
  import_too_many_rows: {
    sv: "Filen har för många rader. En fil får ha högst 200 000 medlemmar; dela upp den.",
    en: "The file has too many rows. A file may hold at most 200,000 members; split it up.",
  },
  import_empty: {
    sv: "Filen är tom.",
    en: "The file is empty.",
  },
  import_no_header: {
    sv: "Filen saknar rubrikrad. Första raden ska namnge kolumnerna, till exempel: namn;e-post;arbetarekommun;förening;roller.",
    en: "The file has no header row. The first row must name the columns, for example: name,email,branch,association,roles.",
  },
  import_missing_columns: {
    sv: "Rubrikraden saknar kolumner som behövs. Filen måste ha kolumnerna namn, e-post och arbetarekommun.",
    en: "The header row lacks columns that are needed. The file must have the columns name, email and branch.",
  },
  import_duplicate_column: {
    sv: "Rubrikraden har samma kolumn två gånger. Ta bort den ena.",
    en: "The header row has the same column twice. Remove one of them.",
  },
  import_no_rows: {
    sv: "Filen har en rubrikrad men inga medlemmar.",
    en: "The file has a header row but no members.",
  },
  import_expired: {
    sv: "Importen har gått ut (den kan genomföras i 24 timmar). Ladda upp filen igen.",
    en: "The import has expired (it can be carried out for 24 hours). Upload the file again.",
  },
  motion_not_editable: {
    sv: "Motionen är inlämnad och kan inte längre ändras. Den inlämnade versionen gäller.",
    en: "The motion has been submitted and can no longer be changed. The submitted version stands.",
  },
  motion_wrong_state: {
    sv: "Motionen är inte i det skede där det här går att göra.",
    en: "The motion is not at the stage where this can be done.",
  },
  motion_not_collecting: {
    sv: "Motionen samlar inte in stöd just nu.",
    en: "The motion is not collecting support right now.",
  },
  motion_already_supported: {
    sv: "Du stöder redan den här motionen.",
    en: "You already support this motion.",
  },
  motion_too_few_supporters: {
    sv: "Motionen har för få stödjande medlemmar för att lämnas in under den här motionstiden.",
    en: "The motion has too few supporting members to be submitted in this motion period.",
  },
  motion_deadline_passed: {
    sv: "Motionstiden har gått ut. Inga motioner tas emot längre.",
    en: "The motion period has ended. No more motions are accepted.",
  },
  motion_period_not_for_members: {
    sv: "Den här motionstiden tar inte emot medlemmars egna motioner.",
    en: "This motion period does not accept members' own motions.",
  },
  motion_no_open_period: {
    sv: "Det finns ingen öppen motionstid att lämna motionen till.",
    en: "There is no open motion period to send the motion to.",
  },
  motion_is_idea: {
    sv: "Ett idéutkast kan inte lämnas in. Gör om det till en motion med att-satser först.",
    en: "An idea draft cannot be submitted. Turn it into a motion with proposals first.",
  },
  motion_no_proposals: {
    sv: "En motion behöver en rubrik och minst en att-sats.",
    en: "A motion needs a title and at least one proposal (att-sats).",
  },
  motion_coauthor_not_member: {
    sv: "Medförfattare måste vara medlemmar i samma grupp som motionen.",
    en: "Co-authors must be members of the motion's group.",
  },
  motion_already_author: {
    sv: "Personen skriver redan den här motionen.",
    en: "This person already writes this motion.",
  },
  motion_verdicts_mismatch: {
    sv: "Det ska finnas exakt ett förslag eller beslut per att-sats.",
    en: "There must be exactly one proposal or decision per att-sats.",
  },
  motion_amendment_no_such_line: {
    sv: "Raden finns inte i den här versionen av motionen. Kontrollera radnumren.",
    en: "That line does not exist in this version of the motion. Check the line numbers.",
  },
  motion_amendment_spans_blocks: {
    sv: "Ett ändringsyrkande gäller rader i ett och samma stycke eller en och samma att-sats. Rubriken kan inte ändras. Dela upp yrkandet.",
    en: "An amendment covers lines of one paragraph or one att-sats. The title cannot be amended. Split the amendment up.",
  },
  motion_amendment_att_missing: {
    sv: 'En ändrad att-sats måste fortfarande börja med "att".',
    en: 'An amended att-sats must still begin with "att".',
  },
  motion_amendment_unchanged: {
    sv: "Ändringsyrkandet ändrar ingenting i texten.",
    en: "The amendment changes nothing in the text.",
  },
  motion_amendment_old_version: {
    sv: "Det finns en nyare version av motionen. Skriv ändringsyrkandet mot den senaste versionen.",
    en: "There is a newer version of the motion. Write the amendment against the latest version.",
  },
  motion_amendment_closed: {
    sv: "Ändringsyrkandet är redan avgjort.",
    en: "The amendment has already been decided.",
  },
  motion_amendment_needs_rework: {
    sv: "Ett annat ändringsyrkande som rör samma ord har redan bifallits. Yrkandet behöver skrivas om mot den nya versionen.",
    en: "Another amendment touching the same words has already been accepted. This amendment needs to be rewritten against the new version.",
  },
  motion_version_changed: {
    sv: "Motionen fick en ny version medan du beslutade. Ladda om och försök igen.",
    en: "The motion got a new version while you were deciding. Reload and try again.",
  },
  motion_comment_anchor_invalid: {
    sv: "Det markerade stycket finns inte i motionens text. Markera texten igen.",
    en: "The marked passage is not in the motion's text. Mark the text again.",
  },
  consultation_not_draft: {
    sv: "Rådslaget är redan publicerat och kan inte längre ändras.",
    en: "The consultation has already been published and can no longer be changed.",
  },
  consultation_audience_outside: {
    sv: "Ett distrikt kan bara fråga sina egna arbetarekommuner och föreningar.",
    en: "A district can only ask its own branches and associations.",
  },
  consultation_audience_empty: {
    sv: "Rådslaget frågar ingen grupp. Välj vilka som ska svara.",
    en: "The consultation asks no group. Choose who is to answer.",
  },
  consultation_closes_in_past: {
    sv: "Sista svarsdag har redan passerat. Välj en senare tid.",
    en: "The closing time has already passed. Choose a later time.",
  },
  consultation_not_asked: {
    sv: "Den här gruppen är inte tillfrågad i rådslaget.",
    en: "This group is not asked in this consultation.",
  },
  consultation_not_open: {
    sv: "Rådslaget är inte öppet för svar nu.",
    en: "The consultation is not open for answers now.",
  },
  consultation_closed: {
    sv: "Sista svarsdag har passerat. Svaret kan inte längre lämnas eller ändras.",
    en: "The deadline has passed. The answer can no longer be submitted or changed.",
  },
  consultation_already_submitted: {
    sv: "Gruppens svar är redan inlämnat. Öppna det igen för att ändra.",
    en: "The group's answer has already been submitted. Reopen it to make changes.",
  },
  consultation_not_submitted: {
    sv: "Gruppen har inget inlämnat svar att öppna igen.",
    en: "The group has no submitted answer to reopen.",
  },
  consultation_invalid_choice: {
    sv: "Ett svar ligger utanför frågans alternativ.",
    en: "An answer is outside the question's options.",
  },
  consultation_unknown_question: {
    sv: "Frågan finns inte i det här rådslaget.",
    en: "The question is not part of this consultation.",
  },
  consultation_tag_exists: {
    sv: "Det finns redan en etikett med det namnet.",
    en: "A tag with that name already exists.",
  },
  consultation_quote_not_found: {
    sv: "Citatet finns inte i gruppens senaste svar på frågan.",
    en: "The quote is not in the group's latest answer to the question.",
  },
  consultation_no_feedback_yet: {
    sv: "Återkoppling kan publiceras först när rådslaget har publicerats.",
    en: "Feedback can be published only once the consultation has been published.",
  },
  meeting_bad_command: {
    sv: "Mötet kunde inte läsa kommandot. Ingenting ändrades.",
    en: "The meeting could not read the command. Nothing was changed.",
  },
  meeting_not_allowed: {
    sv: "Din roll i mötet tillåter inte det här. Ingenting ändrades.",
    en: "Your role in the meeting does not allow this. Nothing was changed.",
  },
  meeting_closed: {
    sv: "Mötet är avslutat. Ingenting kan ändras längre.",
    en: "The meeting has closed. Nothing can be changed any more.",
  },
  meeting_not_open: {
    sv: "Mötet har inte öppnats än.",
    en: "The meeting has not been opened yet.",
  },
  meeting_not_found: {
    sv: "Mötet finns inte längre.",
    en: "The meeting no longer exists.",
  },
  meeting_members_only: {
    sv: "Beslut och voteringar hålls bara i möten för medlemmar. Ett öppet möte fattar inga beslut.",
    en: "Decisions and votes are held only in members-only meetings. An open meeting decides nothing.",
  },
  meeting_already_voted: {
    sv: "Du har redan röstat i den här omröstningen. Varje röstberättigad röstar en gång.",
    en: "You have already voted in this vote. Each voter votes once.",
  },
  meeting_no_vote_right: {
    sv: "Du har inte rösträtt i den här omröstningen (du finns inte i röstlängden eller är inte incheckad).",
    en: "You have no vote in this vote (you are not on the voting roll or not checked in).",
  },
  meeting_vote_closed: {
    sv: "Omröstningen är stängd. Rösten räknades inte.",
    en: "The vote has closed. The ballot was not counted.",
  },
  meeting_choice_out_of_range: {
    sv: "Svaret finns inte bland alternativen.",
    en: "That answer is not one of the options.",
  },
  meeting_poll_closed: {
    sv: "Frågan är stängd.",
    en: "The poll has closed.",
  },
  meeting_list_closed: {
    sv: "Det är streck i debatten: talarlistan tar inte emot nya anmälningar.",
    en: "The speaker list is closed: no new speakers can sign up.",
  },
  meeting_agenda_locked: {
    sv: "Dagordningen är fastställd. Den ändras bara genom ett beslut som protokollförs.",
    en: "The agenda has been adopted. It changes only by a recorded decision.",
  },
  meeting_no_current_item: {
    sv: "Ingen punkt på dagordningen behandlas just nu.",
    en: "No agenda item is being treated right now.",
  },
  meeting_no_such_entry: {
    sv: "Det finns ingen sådan post.",
    en: "There is no such entry.",
  },
  meeting_reply_not_possible: {
    sv: "Replik går bara att begära på ett pågående anförande av någon annan, och kontrareplik bara av den som fick replik.",
    en: "A reply can only be asked for on someone else's speech in progress, and a counter-reply only by the one replied to.",
  },
  meeting_vote_in_progress: {
    sv: "En omröstning pågår redan. Stäng den först.",
    en: "A vote is already in progress. Close it first.",
  },
  meeting_close_vote_open: {
    sv: "En omröstning pågår. Avsluta den innan du avslutar mötet.",
    en: "A vote is in progress. Close it before you close the meeting.",
  },
  meeting_proposals_locked: {
    sv: "Talarlistan är streckad: nya yrkanden tas inte emot.",
    en: "The speaker list is closed: no new proposals are taken.",
  },
  meeting_proposal_text_needed: {
    sv: "Ett ändrings- eller tilläggsyrkande och en återremiss behöver en text. Ingenting ändrades.",
    en: "An amendment, an addition and a referral need a text. Nothing was changed.",
  },
  meeting_order_locked: {
    sv: "Propositionsordningen är redan godkänd och kan inte ändras.",
    en: "The order of decisions has been approved and can no longer be changed.",
  },
  meeting_order_not_approved: {
    sv: "Mötet har inte godkänt någon propositionsordning för punkten än.",
    en: "The meeting has not approved an order of decisions for this item yet.",
  },
  meeting_step_not_current: {
    sv: "Det steget i propositionsordningen står inte på tur.",
    en: "That step of the order of decisions is not the one being decided.",
  },
  meeting_step_decided: {
    sv: "Klubban har fallit för det steget. Ingenting ändrades.",
    en: "The gavel has fallen on that step. Nothing was changed.",
  },
  meeting_count_pending: {
    sv: "Votering är begärd: steget avgörs när rösterna är räknade.",
    en: "A count has been demanded: the step is decided once the votes are counted.",
  },
  meeting_casting_vote_needed: {
    sv: "Lika röstetal: ordföranden avgör med sin utslagsröst mellan de förslag som fick flest röster.",
    en: "A tie: the chair decides with a casting vote between the proposals with the most votes.",
  },
  meeting_decision_adjusted: {
    sv: "Beslutet är redan justerat. Ingenting kan läggas till.",
    en: "The decision has already been approved in the minutes. Nothing can be added.",
  },
  meeting_open_no_decisions: {
    sv: "Ett öppet möte fattar inga beslut: det kan inte ha beslutspunkter. Gör det till ett medlemsmöte.",
    en: "An open meeting decides nothing: it cannot have decision items. Make it a members-only meeting.",
  },
  meeting_motion_not_in_group: {
    sv: "Motionen hör inte till mötets grupp eller är inte inlämnad.",
    en: "The motion does not belong to the meeting's group or has not been submitted.",
  },
  meeting_consultation_not_asked: {
    sv: "Rådslaget frågar inte mötets grupp. Bara ett rådslag som gruppen är tillfrågad i kan tas upp på dagordningen.",
    en: "The consultation does not ask the meeting's group. Only a consultation the group is asked in can go on the agenda.",
  },
  meeting_consultation_not_published: {
    sv: "Rådslaget är inte publicerat än och kan inte tas upp på dagordningen.",
    en: "The consultation has not been published yet and cannot go on the agenda.",
  },
  meeting_officer_not_member: {
    sv: "Mötets funktionärer måste vara medlemmar i gruppen.",
    en: "The meeting's officers must be members of the group.",
  },
  meeting_not_planned: {
    sv: "Mötet har redan börjat. Det ändras nu i själva mötet.",
    en: "The meeting has already started. Changes are now made in the meeting itself.",
  },
  meeting_minutes_not_ready: {
    sv: "Protokollet kan inte justeras än: mötet måste vara avslutat.",
    en: "The minutes cannot be approved yet: the meeting must have closed.",
  },
  meeting_minutes_frozen: {
    sv: "Protokollet är justerat och kan inte ändras.",
    en: "The minutes have been approved and can no longer be changed.",
  },
  meeting_vote_not_closed: {
    sv: "Valsedlarna i en omröstning publiceras först när omröstningen är stängd.",
    en: "A vote's ballots are published only once the vote has closed.",
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

/** The code an HTTP status stands for when no error body says better (Worker and web alike). */
const codeForStatus: Partial<Record<number, ErrorCode>> = {
  400: "validation_failed",
  401: "not_logged_in",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  426: "upgrade_required",
  429: "too_many_attempts",
  503: "service_unavailable",
};

export function errorCodeForStatus(status: number): ErrorCode {
  return codeForStatus[status] ?? (status >= 400 && status < 500 ? "validation_failed" : "internal");
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
