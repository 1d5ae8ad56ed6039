import { createResource, createSignal, For, Show } from "solid-js";
import type {
  AmendmentDecision,
  MotionAmendment,
  MotionVersion,
  MotionView,
  ProposalVerdict,
} from "../../../worker/shared/motions";
import { call, client, errorCode } from "../api/client";
import { t } from "../i18n";
import { formatDateTime } from "../identity/format";
import { ErrorAlert } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { AmendForm, AmendmentCard } from "./Amendments";
import { createRequest } from "./action";
import { reasonLabel, verdictLabel } from "./labels";
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

function fetchAmendments(motionId: number): Promise<MotionAmendment[]> {
  return call(client.api.motions[":id"].amendments.$get({ param: { id: String(motionId) } })).then(
    (list) => list.amendments,
  );
}

/** Where a version downloads as `format`: the Worker's file, named for the motion and version. */
function downloadHref(motionId: number, number: number, format: "docx" | "markdown"): string {
  return `/api/motions/${motionId}/versions/${number}/${format}`;
}

const amendableStates = ["submitted", "answered"];

/**
 * A frozen version as it is printed: its lines numbered as the Worker counted them (a number
 * beside every fifth line), then the board's statement and the meeting's decision per
 * att-sats. "Print" gives just this (MotionReading.css), so "Save as PDF" makes the paper.
 * The amendments made against this version show inline after their last line; the latest
 * version takes new ones (`motion.amend`) and the board decides them (`motion.treat`):
 * accepting one freezes a new version, which the page then shows (`onChange`).
 */
export function MotionReading(props: {
  motion: MotionView;
  version: number;
  latest: boolean;
  onChange: (motion: MotionView) => void;
}) {
  const [version] = createResource(() => fetchVersion(props.motion.id, props.version));
  const [amendments, { mutate: setAmendments }] = createResource(() => fetchAmendments(props.motion.id));
  const request = createRequest();
  const [deciding, setDeciding] = createSignal<number>();
  const statement = () => props.motion.statement;
  const decision = () => props.motion.decision;
  const amendable = () => amendableStates.includes(props.motion.state);
  const canAmend = () => props.latest && amendable() && props.motion.can.includes("motion.amend");
  const canDecide = () => amendable() && props.motion.can.includes("motion.treat");
  // Read only once loaded, so the list never holds the page in its loading state.
  const loaded = () => (["ready", "refreshing"].includes(amendments.state) ? (amendments() ?? []) : []);
  const here = () => loaded().filter((a) => a.version === props.version);
  const elsewhere = () => loaded().filter((a) => a.version !== props.version);
  const endingAt = (line: number) => here().filter((a) => a.lastLine === line);

  const decide = (amendment: MotionAmendment, choice: AmendmentDecision) => {
    setDeciding(amendment.id);
    void request
      .run(async () => {
        const param = { id: String(props.motion.id), amendmentId: String(amendment.id) };
        const list = await call(
          client.api.motions[":id"].amendments[":amendmentId"].decision.$post({
            param,
            json: { decision: choice },
          }),
        );
        setAmendments(list.amendments);
        if (choice === "accept") {
          props.onChange(
            await call(client.api.motions[":id"].$get({ param: { id: String(props.motion.id) } })),
          );
        }
      })
      .finally(() => setDeciding(undefined));
  };

  const card = (a: MotionAmendment) => (
    <AmendmentCard
      amendment={a}
      canDecide={canDecide()}
      busy={deciding() === a.id}
      onDecide={(choice) => decide(a, choice)}
    />
  );

  return (
    <section class="motion-reading motion-print" aria-labelledby="reading-title" data-testid="motion-reading">
      <h2 id="reading-title" tabindex="-1">
        {t("motions.reading.title", { number: props.version })}
      </h2>
      <Show when={!version.error} fallback={<ErrorAlert code={errorCode(version.error)} />}>
        <Show when={version()} fallback={<Loading />}>
          {(v) => (
            <>
              <p class="meta">
                {t("motions.reading.frozen", {
                  reason: reasonLabel(v().reason),
                  time: formatDateTime(v().createdAt),
                  length: v().lineLength,
                })}
              </p>
              <p class="motion-downloads no-print" data-testid="motion-downloads">
                {t("motions.reading.download", { number: v().number })}:{" "}
                <a
                  href={downloadHref(props.motion.id, v().number, "docx")}
                  download=""
                  data-testid="download-docx"
                >
                  {t("motions.reading.docx")}
                </a>
                {" · "}
                <a
                  href={downloadHref(props.motion.id, v().number, "markdown")}
                  download=""
                  data-testid="download-markdown"
                >
                  {t("motions.reading.markdown")}
                </a>
              </p>
              <ol class="plain-list motion-lines" aria-label={t("motions.reading.lines")}>
                <For each={v().lines}>
                  {(line) => (
                    <li class="motion-line" data-part={line.part} data-marked={line.marked ? "" : undefined}>
                      <span class="motion-line-number" aria-hidden={line.marked ? undefined : "true"}>
                        {line.marked ? line.number : ""}
                      </span>
                      <span class="motion-line-text">{line.text}</span>
                      <Show when={endingAt(line.number).length > 0}>
                        <div class="motion-line-amendments no-print">
                          <For each={endingAt(line.number)}>{card}</For>
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
              <ErrorAlert
                code={request.failure() ?? (amendments.error ? errorCode(amendments.error) : undefined)}
                testId="amendment-error"
              />
              <Show when={elsewhere().length > 0}>
                <section class="motion-other-amendments no-print" aria-labelledby="other-amendments-title">
                  <h3 id="other-amendments-title">{t("motions.amendments.other")}</h3>
                  <For each={elsewhere()}>
                    {(a) => (
                      <div data-testid="other-amendment">
                        <p class="meta">{t("motions.amendments.ofVersion", { number: a.version })}</p>
                        {card(a)}
                      </div>
                    )}
                  </For>
                </section>
              </Show>
              <Show when={canAmend()}>
                <AmendForm
                  motionId={props.motion.id}
                  version={v()}
                  onProposed={() => void fetchAmendments(props.motion.id).then(setAmendments)}
                />
              </Show>
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
