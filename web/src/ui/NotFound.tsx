import { t } from "../i18n";
import { paths } from "../paths";
import { usePageTitle } from "./title";
import "./NotFound.css";

/**
 * "Page not found": for addresses no route knows, and for groups the API does not have.
 * `reason` picks the explanation; the way onwards is the same.
 */
export function NotFound(props: { reason?: "page" | "group" }) {
  usePageTitle(() => t("notFound.title"));
  return (
    <section class="message-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("notFound.title")}</h1>
      <p>{props.reason === "group" ? t("notFound.groupText") : t("notFound.text")}</p>
      <ul class="action-list">
        <li>
          <a class="action-link" href={paths.home}>
            {t("notFound.home")}
          </a>
        </li>
        <li>
          <a class="action-link" href={paths.organisation}>
            {t("notFound.organisation")}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The route component for unknown addresses. */
export default function NotFoundPage() {
  return <NotFound reason="page" />;
}
