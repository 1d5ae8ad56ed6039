import type { JSX } from "solid-js";

/**
 * A button that is on or off (`aria-pressed`), drawn by base.css's `.toggle` so that on and off
 * differ by more than colour. `label` names what it switches for whom ("Närvarande: Astrid
 * Lind"); the visible text can stay short.
 */
export function ToggleButton(props: {
  pressed: boolean;
  label: string;
  onToggle: () => void;
  disabled?: boolean;
  testId?: string;
  children: JSX.Element;
}) {
  return (
    <button
      type="button"
      class="button button-secondary button-small toggle"
      aria-pressed={props.pressed}
      aria-label={props.label}
      disabled={props.disabled}
      onClick={() => props.onToggle()}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
