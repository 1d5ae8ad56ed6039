import { t } from "../i18n";
import "./Loading.css";

/** Shown while a page or its data loads: text for everyone, aria-busy for assistive technology. */
export function Loading() {
  return (
    <div class="loading" role="status" aria-busy="true">
      <span class="spinner" aria-hidden="true" />
      <span>{t("loading.text")}</span>
    </div>
  );
}
