import { otherLocale, setLocale, t } from "../i18n";
import "./LanguageSwitch.css";

/**
 * One button that switches to the other language. Its label is that language's own name
 * ("English" while Swedish is shown), marked with `lang` so screen readers pronounce it right.
 */
export function LanguageSwitch() {
  return (
    <button
      type="button"
      class="language-switch"
      data-testid="language-switch"
      lang={otherLocale()}
      onClick={() => setLocale(otherLocale())}
    >
      <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
        <path
          d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9s1.3-6.3 3.8-9z"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />
      </svg>
      <span>{t("language.switch")}</span>
    </button>
  );
}
