import { demoDocumentPath } from "../documents/links";
import { t } from "../i18n";
import "./messages.sv";
import { paths } from "../paths";
import { usePageTitle } from "../ui/title";

/** What samtal is, for whom, and where to start. */
export default function HomePage() {
  usePageTitle(() => undefined);
  return (
    <article class="narrow-page">
      <h1>{t("home.title")}</h1>
      <p class="lead">{t("home.lead")}</p>
      <p>{t("home.who")}</p>
      <p>{t("home.what")}</p>
      <p>{t("home.start")}</p>
      <p>
        <a class="button" href={paths.organisation}>
          {t("home.cta")}
        </a>
      </p>
      <p>
        <a href={demoDocumentPath} data-testid="try-document">
          {t("home.try")}
        </a>
      </p>
      <section aria-labelledby="coming-title">
        <h2 id="coming-title">{t("home.coming.title")}</h2>
        <ul class="spaced-list">
          <li>{t("home.coming.motions")}</li>
          <li>{t("home.coming.meetings")}</li>
          <li>{t("home.coming.consultations")}</li>
        </ul>
      </section>
    </article>
  );
}
