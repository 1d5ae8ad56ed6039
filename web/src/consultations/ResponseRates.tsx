import { For, Show } from "solid-js";
import type { ConsultationOverview, Rate } from "../../../worker/shared/consultations";
import { formatNumber, t, tp } from "../i18n";
import "./messages.sv";

/** "12 av 20 (60 %)": a rate as text, which is what every reader gets (the bars only repeat it). */
export function rateText(rate: Rate): string {
  const percent = rate.asked ? Math.round((100 * rate.answered) / rate.asked) : 0;
  return t("consultations.rates.value", {
    answered: rate.answered,
    asked: rate.asked,
    percent: formatNumber(percent),
  });
}

const share = (rate: Rate) => (rate.asked ? (100 * rate.answered) / rate.asked : 0);

/**
 * One bar per row with its value written beside it: a chart that reads the same without
 * seeing it (the bar itself is hidden from assistive technology; the list and text carry it).
 */
export function Bars(props: { rows: { label: string; rate: Rate }[]; label: string }) {
  return (
    <ul class="plain-list rate-bars" aria-label={props.label} data-testid="rate-chart">
      <For each={props.rows}>
        {(row) => (
          <li class="rate-bar-row">
            <span class="rate-bar-label">{row.label}</span>
            <span class="rate-bar-track" aria-hidden="true">
              <span class="rate-bar" style={{ width: `${share(row.rate)}%` }} />
            </span>
            <span class="rate-bar-value">{rateText(row.rate)}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

/**
 * How many of the groups asked have answered: overall, per district (a table and a chart),
 * per branch (with its associations) and which groups have not answered yet.
 */
export function ResponseRates(props: { overview: ConsultationOverview }) {
  const o = () => props.overview;
  const districtName = (d: { district: { name: string } | null }) =>
    d.district?.name ?? t("consultations.rates.national");
  return (
    <section aria-labelledby="rates-title" class="results-section" data-testid="response-rates">
      <h2 id="rates-title">{t("consultations.rates.title")}</h2>
      <p class="lead" data-testid="rate-overall">
        {t("consultations.rates.overall", { rate: rateText(o().overall) })}
      </p>
      <Show when={o().individuals > 0}>
        <p data-testid="rate-individuals">{tp("consultations.rates.individuals", o().individuals)}</p>
      </Show>
      <Show when={o().byDistrict.length > 0}>
        <h3 id="rates-district-title">{t("consultations.rates.byDistrict")}</h3>
        <Bars
          label={t("consultations.rates.chart")}
          rows={o().byDistrict.map((d) => ({ label: districtName(d), rate: d }))}
        />
        {/* The table says in numbers what the chart shows; on a phone it scrolls in its own region. */}
        <section class="table-scroll" aria-labelledby="rates-district-caption" tabindex="0">
          <table class="data-table" data-testid="rates-by-district">
            <caption id="rates-district-caption" class="visually-hidden">
              {t("consultations.rates.byDistrict")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("consultations.rates.district")}</th>
                <th scope="col">{t("consultations.rates.answered")}</th>
                <th scope="col">{t("consultations.rates.asked")}</th>
                <th scope="col">{t("consultations.rates.share")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={o().byDistrict}>
                {(d) => (
                  <tr>
                    <th scope="row">{districtName(d)}</th>
                    <td>{formatNumber(d.answered)}</td>
                    <td>{formatNumber(d.asked)}</td>
                    <td>{formatNumber(Math.round(share(d)))} %</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
      <Show when={o().byBranch.length > 0}>
        <details class="results-details">
          <summary>{t("consultations.rates.byBranch", { count: o().byBranch.length })}</summary>
          <section class="table-scroll" aria-labelledby="rates-branch-caption" tabindex="0">
            <table class="data-table" data-testid="rates-by-branch">
              <caption id="rates-branch-caption" class="visually-hidden">
                {t("consultations.rates.byBranchTable")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("consultations.rates.branch")}</th>
                  <th scope="col">{t("consultations.rates.district")}</th>
                  <th scope="col">{t("consultations.rates.share")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={o().byBranch}>
                  {(b) => (
                    <tr>
                      <th scope="row">{b.branch.name}</th>
                      <td>{b.district?.name ?? ""}</td>
                      <td>{rateText(b)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </details>
      </Show>
      <details class="results-details" data-testid="not-answered">
        <summary>{t("consultations.rates.notAnswered", { count: o().notAnswered.length })}</summary>
        <ul class="not-answered-list">
          <For each={o().notAnswered}>
            {(g) => (
              <li>
                {g.group.name}
                <Show when={g.district}>{(d) => <span class="meta"> · {d().name}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </details>
    </section>
  );
}
