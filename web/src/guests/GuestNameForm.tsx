import { createSignal, type JSX } from "solid-js";
import { t } from "../i18n";
import "./messages.sv";
import { Field, SubmitButton } from "../ui/Form";

/** The longest name a guest may give (`acceptInviteSchema`, and the room token's `name`). */
export const maxGuestNameLength = 80;

/**
 * Asks a guest following an invite link what the others will call her, and hands the name
 * over trimmed; says so, and keeps her there, when there is none. `children` go below the
 * field (the answer to an attempt to join).
 */
export function GuestNameForm(props: {
  busy?: boolean;
  onSubmit: (name: string) => void;
  children?: JSX.Element;
}) {
  const [value, setValue] = createSignal("");
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
        id="guest-name"
        label={t("invite.name.label")}
        hint={t("invite.name.hint")}
        error={missing() && t("invite.name.missing")}
        required
        action={
          <SubmitButton busy={props.busy} busyLabel={t("invite.joining")}>
            {t("invite.submit")}
          </SubmitButton>
        }
      >
        {(control) => (
          <input
            ref={input}
            {...control}
            name="name"
            type="text"
            autocomplete="nickname"
            maxLength={maxGuestNameLength}
            value={value()}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              if (event.currentTarget.value.trim()) setMissing(false);
            }}
          />
        )}
      </Field>
      {props.children}
    </form>
  );
}
