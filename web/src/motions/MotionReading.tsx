import { createResource, For, Show } from "solid-js";
import type { MotionVersion, MotionView, ProposalVerdict } from "../../../worker/shared/motions";
import { call, client, errorCode } from "../api/client";
import { t } from "../i18n";
import { formatDateTime } from "../identity/format";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { verdictLabel } from "./labels";
import "./MotionReading.css";

/** A frozen version of a motion, with its line numbers. */
export function fetchVersion(motionId: number, number: number): Promise<MotionVersion> {
  const param = { id: String(motionId), number: String(number) };
  // JSON as the typed client sees it is looser than RichText; the Worker answers a MotionVersion.
  return call(client.api.motions[":id"].versions[":number"].$get({ param })) as Promise<MotionVersion>;
}

/** What was proposed or decided on one att-sats, with the new wording when amended. */
function Verdict(props: {
  verdict: { verdict: ProposalVerdict; amendedText?: string | undefined } | undefined;
}) {
  return (
    <Show when={props.verdict} fallback="–">
      {(v) => (
        <>
          {verdictLabel(v().verdict)}
          <Show when={v().amendedText}>
            {(text) => (
              <>
                : {t("motions.att")} {text()}
              </>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

/**
 * A frozen version as it is printed: its lines numbered as the Worker counted them (a number
 * beside every fifth line), then the board's statement and the meeting's decision per
 * att-sats. "Print" gives just this (MotionReading.css), so "Save as PDF" makes the paper.
 */
export function MotionReading(props: { motion: MotionView; version: number }) {
  const [version] = createResource(() => fetchVersion(props.motion.id, props.version));
  const statement = () => props.motion.statement;
  const decision = () => props.motion.decision;

  return (
    <section class="motion-reading motion-print" aria-labelledby="reading-title" data-testid="motion-reading">
      <h2 id="reading-title">{t("motions.reading.title", { number: props.version })}</h2>
      <Show when={!version.error} fallback={<ErrorAlert code={errorCode(version.error)} />}>
        <Show when={version()} fallback={<Loading />}>
          {(v) => (
            <>
              <p class="meta">
                {t("motions.reading.frozen", { time: formatDateTime(v().createdAt), length: v().lineLength })}
              </p>
              <ol class="plain-list motion-lines" aria-label={t("motions.reading.lines")}>
                <For each={v().lines}>
                  {(line) => (
                    <li class="motion-line" data-part={line.part} data-marked={line.marked ? "" : undefined}>
                      <span class="motion-line-number" aria-hidden={line.marked ? undefined : "true"}>
                        {line.marked ? line.number : ""}
                      </span>
                      <span class="motion-line-text">{line.text}</span>
                    </li>
                  )}
                </For>
              </ol>
              <Show when={statement() || decision()}>
                <table class="motion-verdicts" data-testid="motion-verdicts">
                  <caption>{t("motions.verdicts.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("motions.verdicts.proposal")}</th>
                      <th scope="col">{t("motions.verdicts.board")}</th>
                      <th scope="col">{t("motions.verdicts.meeting")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={v().proposals}>
                      {(proposal, i) => (
                        <tr>
                          <th scope="row">
                            {t("motions.att")} {proposal.text}
                          </th>
                          <td>
                            <Verdict verdict={statement()?.proposals[i()]} />
                          </td>
                          <td>
                            <Verdict verdict={decision()?.decisions[i()]} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
              <Show when={statement()}>
                {(s) => (
                  <div class="motion-statement">
                    <h3>{t("motions.statement.title")}</h3>
                    <p data-testid="motion-statement">{s().text}</p>
                  </div>
                )}
              </Show>
              <p class="no-print">
                <button type="button" class="button button-secondary" onClick={() => window.print()}>
                  {t("motions.reading.print")}
                </button>
              </p>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
