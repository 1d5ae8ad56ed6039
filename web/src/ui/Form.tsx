import { type JSX, Show } from "solid-js";
import { errorMessage } from "../i18n";
import "./Form.css";

/** What a field's control carries so that its label, hint and error are read with it. */
export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": "true" | undefined;
  required: boolean | undefined;
}

/**
 * One form field: label, hint, the control, and the problem with it. The control is the
 * caller's (`<input {...control} …/>`, a select, a text area), so it keeps its own attributes;
 * the field wires `id`, `aria-describedby` (hint, then error), `aria-invalid` and `required`.
 * The error is a live region (`role="alert"`), said as soon as it appears. `action` goes
 * beside the control (a submit or copy button), on one row that wraps on a phone.
 */
export function Field(props: {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element;
  /** The problem to show under the control; nothing when the value is fine. */
  error?: JSX.Element;
  required?: boolean;
  action?: JSX.Element;
  children: (control: ControlProps) => JSX.Element;
}) {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const control: ControlProps = {
    get id() {
      return props.id;
    },
    get "aria-describedby"() {
      return [props.hint ? hintId() : "", props.error ? errorId() : ""].join(" ").trim() || undefined;
    },
    get "aria-invalid"() {
      return props.error ? "true" : undefined;
    },
    get required() {
      return props.required;
    },
  };
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.action} fallback={props.children(control)}>
        <div class="field-row">
          {props.children(control)}
          {props.action}
        </div>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={errorId()} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** A form's submit button; while `busy`, it says so (`busyLabel`) and is marked aria-busy. */
export function SubmitButton(props: {
  busy?: boolean;
  busyLabel?: string;
  testId?: string;
  children: string;
}) {
  return (
    <button
      type="submit"
      class="button"
      aria-busy={props.busy ? "true" : undefined}
      data-testid={props.testId}
    >
      {props.busy && props.busyLabel ? props.busyLabel : props.children}
    </button>
  );
}

/** A failed request in plain language (the API's error code), announced when it appears. */
export function ErrorAlert(props: { code: string | undefined; testId?: string }) {
  return (
    <Show when={props.code}>
      {(code) => (
        <p class="field-error" role="alert" data-testid={props.testId}>
          {errorMessage(code())}
        </p>
      )}
    </Show>
  );
}
