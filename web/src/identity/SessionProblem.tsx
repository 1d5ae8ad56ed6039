import { errorMessage, t } from "../i18n";
import { refreshSession, sessionErrorCode } from "./session";

/** Why the server could not say who is logged in (`sessionStatus() === "error"`), and a way to ask again. */
export function SessionProblem() {
  return (
    <>
      <p role="alert">{errorMessage(sessionErrorCode())}</p>
      <button type="button" class="button" onClick={() => refreshSession()}>
        {t("error.retry")}
      </button>
    </>
  );
}
