import { type JSX, Show } from "solid-js";
import { consultationLimits } from "../../../worker/shared/consultations";
import { t, tp } from "../i18n";
import "./messages.sv";
import { ErrorAlert, Field } from "../ui/Form";
import { Loading } from "../ui/Loading";

/** The reading room's lists: a search in their texts, and the next page. */

export function SearchField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      {(control) => (
        <input
          {...control}
          type="search"
          maxLength={consultationLimits.search}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function MoreButton(props: { busy: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      class="button button-secondary"
      aria-busy={props.busy ? "true" : undefined}
      onClick={() => props.onClick()}
    >
      {t("consultations.answers.more")}
    </button>
  );
}

/** A page of a list as it loads: an error, a spinner, or how many match (announced) and the rows. */
export function CountedList<L extends { total: number }>(props: {
  page: { error: unknown; latest: L | undefined };
  countTestId: string;
  children: (list: () => L) => JSX.Element;
}) {
  return (
    <Show when={!props.page.error} fallback={<ErrorAlert code="internal" />}>
      <Show when={props.page.latest} fallback={<Loading />}>
        {(list) => (
          <>
            <p role="status" class="meta" data-testid={props.countTestId}>
              {tp("consultations.answers.count", list().total)}
            </p>
            {props.children(list)}
          </>
        )}
      </Show>
    </Show>
  );
}
