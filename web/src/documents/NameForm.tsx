import { createSignal, Show } from "solid-js";
import { t } from "../i18n";
import { maxDisplayNameLength } from "./user";

/** Asks for the name others will see before joining a document. */
export function NameForm(props: { initial: string; onSubmit: (name: string) => void }) {
  const [value, setValue] = createSignal(props.initial);
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
    <form class="name-form" onSubmit={submit} novalidate>
      <label for="display-name">{t("document.name.label")}</label>
      <p class="hint" id="display-name-hint">
        {t("document.name.hint")}
      </p>
      <div class="name-row">
        <input
          ref={input}
          id="display-name"
          name="name"
          type="text"
          autocomplete="name"
          maxLength={maxDisplayNameLength}
          required
          value={value()}
          aria-describedby={missing() ? "display-name-hint display-name-error" : "display-name-hint"}
          aria-invalid={missing() ? "true" : undefined}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            if (event.currentTarget.value.trim()) setMissing(false);
          }}
          data-testid="display-name"
        />
        <button type="submit" class="button">
          {t("document.name.submit")}
        </button>
      </div>
      <Show when={missing()}>
        <p class="field-error" id="display-name-error" role="alert">
          {t("document.name.missing")}
        </p>
      </Show>
    </form>
  );
}
