import { useNavigate, useSearchParams } from "@solidjs/router";
import { createResource } from "solid-js";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { loadSession } from "../identity/session";
import { usePageTitle } from "../ui/title";
import { ConsultationForm } from "./ConsultationForm";
import { consultationHref } from "./links";
import { loadPage } from "./load";
import { PageState } from "./PageState";
import "./Consultations.css";

/** `/consultations/new?group=national:national`: the asking level writes a new draft. */
export default function NewConsultationPage() {
  void loadSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ group?: string }>();
  const group = () => search.group ?? "";
  usePageTitle(() => t("consultations.new.title"));
  // Which group asks, and whether it exists: its list answers that (and 403 when she may not see it).
  const [loaded] = createResource(group, (g) =>
    loadPage(() => call(client.api.consultations.$get({ query: { group: g } }))),
  );
  return (
    <PageState
      loaded={loaded()}
      error={loaded.error}
      here={`/consultations/new?group=${encodeURIComponent(group())}`}
      notFound="group"
    >
      {(list) => (
        <article class="consultation-page">
          <h1>{t("consultations.new.title")}</h1>
          <p class="lead">{t("consultations.new.lead", { group: list().group.name })}</p>
          <ConsultationForm
            askerKind={list().group.kind}
            save={async (input) => {
              const created = await call(
                client.api.consultations.$post({ query: { group: group() }, json: input }),
              );
              navigate(consultationHref(created.id));
            }}
          />
        </article>
      )}
    </PageState>
  );
}
