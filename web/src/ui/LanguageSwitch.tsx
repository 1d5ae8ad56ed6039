import { loadLocale, otherLocale, setLocale, t } from "../i18n";
import "./LanguageSwitch.css";

/**
 * One button that switches to the other language. Its label is that language's own name
 * ("English" while Swedish is shown), marked with `lang` so screen readers pronounce it right.
 * The other language's dictionary is fetched when the button is pointed at, touched or
 * focused, so it is usually here by the click; if not, the switch happens when it comes.
 */
export function LanguageSwitch() {
  // A failed fetch is retried by the click, which then leaves the language as it is.
  const prefetch = () => void loadLocale(otherLocale()).catch(() => undefined);
  return (
    <button
      type="button"
      class="language-switch"
      data-testid="language-switch"
      lang={otherLocale()}
      onPointerEnter={prefetch}
      onPointerDown={prefetch}
      onFocus={prefetch}
      onClick={() => setLocale(otherLocale()).catch(() => undefined)}
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
