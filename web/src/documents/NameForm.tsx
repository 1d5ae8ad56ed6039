import { createSignal, type JSX } from "solid-js";
import { type MessageKey, t } from "../i18n";
import { Field, SubmitButton } from "../ui/Form";
import { maxDisplayNameLength } from "./user";

/** The words and wiring of each place that asks for a display name. */
const purposes = {
  /** Before joining a document. */
  document: {
    id: "display-name",
    label: "document.name.label",
    hint: "document.name.hint",
    missing: "document.name.missing",
    submit: "document.name.submit",
    busy: undefined,
    autocomplete: "name",
    testId: "display-name",
  },
  /** A guest following an invite link: what the others will call her. */
  guest: {
    id: "guest-name",
    label: "invite.name.label",
    hint: "invite.name.hint",
    missing: "invite.name.missing",
    submit: "invite.submit",
    busy: "invite.joining",
    autocomplete: "nickname",
    testId: undefined,
  },
} as const satisfies Record<
  string,
  Record<"label" | "hint" | "missing" | "submit", MessageKey> & {
    /** What the button says while the name is being sent, where it is sent at once. */
    busy: MessageKey | undefined;
    id: string;
    autocomplete: string;
    testId: string | undefined;
  }
>;

/**
 * Asks for the name others will see, and hands it over trimmed; says so, and keeps it, when
 * there is none. `children` go below the field (the answer to an attempt to join).
 */
export function NameForm(props: {
  for?: keyof typeof purposes;
  initial?: string;
  busy?: boolean;
  onSubmit: (name: string) => void;
  children?: JSX.Element;
}) {
  const purpose = () => purposes[props.for ?? "document"];
  const busyLabel = () => {
    const key = purpose().busy;
    return key && t(key);
  };
  const [value, setValue] = createSignal(props.initial ?? "");
  const [missing, setMissing] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const name = value().trim();
    if (!name) {
      setMissing(true);
      input?.focus();
      return;
    }
    props.onSubmit(name);
  };

  return (
    <form class="form-panel name-form" onSubmit={submit} novalidate>
      <Field
        id={purpose().id}
        label={t(purpose().label)}
        hint={t(purpose().hint)}
        error={missing() && t(purpose().missing)}
        required
        action={
          <SubmitButton busy={props.busy} busyLabel={busyLabel()}>
            {t(purpose().submit)}
          </SubmitButton>
        }
      >
        {(control) => (
          <input
            ref={input}
            {...control}
            name="name"
            type="text"
            autocomplete={purpose().autocomplete}
            maxLength={maxDisplayNameLength}
            value={value()}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              if (event.currentTarget.value.trim()) setMissing(false);
            }}
            data-testid={purpose().testId}
          />
        )}
      </Field>
      {props.children}
    </form>
  );
}
