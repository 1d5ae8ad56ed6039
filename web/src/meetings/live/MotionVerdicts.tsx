import { createResource, Index, Show } from "solid-js";
import { call, client } from "../../api/client";
import { t } from "../../i18n";
import "../messages.sv";
import { verdictLabel } from "../../motions/labels";
import { motionHref } from "../../motions/links";
import { ErrorAlert } from "../../ui/Form";

export type MeetingVerdict = "approve" | "reject" | "answered";
const meetingVerdicts: MeetingVerdict[] = ["approve", "reject", "answered"];

/** The motion's latest frozen att-satser and the board's proposal on each, to decide on. */
export async function loadMotionProposals(motionId: number) {
  const id = String(motionId);
  const motion = await call(client.api.motions[":id"].$get({ param: { id } }));
  const latest = motion.versions.at(-1);
  if (!latest) return { title: motion.title, proposals: [], board: [] };
  const version = await call(
    client.api.motions[":id"].versions[":number"].$get({ param: { id, number: String(latest.number) } }),
  );
  return {
    title: motion.title,
    proposals: version.proposals.map((p) => p.text),
    board: motion.statement?.proposals.map((p) => p.verdict) ?? [],
  };
}

/**
 * The meeting's verdict on each att-sats of the motion treated under the item, the board's
 * proposal chosen to begin with; recorded with the decision, it updates the motion itself.
 */
export function MotionVerdicts(props: {
  motionId: number;
  verdicts: MeetingVerdict[];
  onChange: (verdicts: MeetingVerdict[]) => void;
}) {
  const [found] = createResource(
    () => props.motionId,
    async (motionId) => {
      const loaded = await loadMotionProposals(motionId);
      props.onChange(
        loaded.proposals.map((_, i) => {
          const board = loaded.board[i];
          return board === "approve" || board === "reject" || board === "answered" ? board : "approve";
        }),
      );
      return loaded;
    },
  );
  return (
    <Show when={found()} fallback={<ErrorAlert code={found.error ? "internal" : undefined} />}>
      {(motion) => (
        <fieldset class="verdict-fieldset" data-testid="motion-verdicts">
          <legend>
            {t("meetings.decisions.motion")}{" "}
            <a href={motionHref(props.motionId)} target="_blank" rel="noopener">
              {motion().title}
              <span class="visually-hidden"> {t("meetings.video.newTab")}</span>
            </a>
          </legend>
          <Index each={motion().proposals}>
            {(text, index) => (
              <div class="field">
                <label class="field-label" for={`verdict-${index}`}>
                  {t("meetings.decisions.attSats", { n: index + 1, text: text() })}
                </label>
                <select
                  id={`verdict-${index}`}
                  value={props.verdicts[index] ?? "approve"}
                  onChange={(e) =>
                    props.onChange(
                      props.verdicts.map((v, i) =>
                        i === index ? (e.currentTarget.value as MeetingVerdict) : v,
                      ),
                    )
                  }
                >
                  <Index each={meetingVerdicts}>
                    {(v) => <option value={v()}>{verdictLabel(v())}</option>}
                  </Index>
                </select>
              </div>
            )}
          </Index>
        </fieldset>
      )}
    </Show>
  );
}
