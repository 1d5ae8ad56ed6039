import { For, Show } from "solid-js";
import type { ConsultationSummary } from "../../../worker/shared/consultations";
import { t } from "../i18n";
import { phaseLabel, statusLabel } from "./labels";
import { consultationHref } from "./links";
import { formatSwedishTime } from "./time";
import "./Consultations.css";

/** Consultations as cards: title, phase, the group's answer status (`withStatus`), feedback, asker and deadline. */
export function SummaryList(props: { items: ConsultationSummary[]; testId: string; withStatus: boolean }) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="empty">{t("consultations.list.none")}</p>}>
      <ul class="plain-list card-list" data-testid={props.testId}>
        <For each={props.items}>
          {(item) => (
            <li class="item-card consultation-card" data-testid="consultation-item">
              <a href={consultationHref(item.id)} class="consultation-card-title">
                {item.title}
              </a>
              <span class="pill">{phaseLabel(item.phase)}</span>
              <Show when={props.withStatus && item.status}>
                {(status) => <span class="pill">{statusLabel(status())}</span>}
              </Show>
              <Show when={item.feedback}>
                <span class="pill">{t("consultations.feedback.published")}</span>
              </Show>
              <span class="meta">
                {t("consultations.list.dates", {
                  asker: item.asker.name,
                  closes: formatSwedishTime(item.closesAt),
                })}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
