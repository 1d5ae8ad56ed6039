import { render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { errorMessages } from "../../../worker/shared/errors";
import { freshStateForEachTest } from "../identity/testing";
import { ErrorAlert, Field, SubmitButton } from "./Form";

freshStateForEachTest();

describe("Field", () => {
  it("ties label, hint and error to the control, and marks it invalid only while there is an error", () => {
    const [error, setError] = createSignal<string>();
    render(() => (
      <Field id="town" label="Ort" hint="Där du bor." error={error()} required>
        {(control) => <input {...control} type="text" />}
      </Field>
    ));
    const input = screen.getByLabelText("Ort");
    expect(input.id).toBe("town");
    expect(input.getAttribute("aria-describedby")).toBe("town-hint");
    expect(document.getElementById("town-hint")?.textContent).toBe("Där du bor.");
    expect(input.hasAttribute("required")).toBe(true);
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();

    setError("Skriv en ort.");
    expect(screen.getByRole("alert").textContent).toBe("Skriv en ort.");
    expect(screen.getByRole("alert").id).toBe("town-error");
    expect(input.getAttribute("aria-describedby")).toBe("town-hint town-error");
    expect(input.getAttribute("aria-invalid")).toBe("true");

    setError(undefined);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(input.hasAttribute("aria-invalid")).toBe(false);
  });

  it("describes a control without a hint by its error alone, and puts the action beside it", () => {
    render(() => (
      <Field id="word" label="Ord" error="Fel ord." action={<SubmitButton>Skicka</SubmitButton>}>
        {(control) => <input {...control} type="text" />}
      </Field>
    ));
    const input = screen.getByLabelText("Ord");
    expect(input.getAttribute("aria-describedby")).toBe("word-error");
    expect(input.hasAttribute("required")).toBe(false);
    expect(input.parentElement).toBe(screen.getByRole("button", { name: "Skicka" }).parentElement);
  });
});

describe("SubmitButton", () => {
  it("says it is busy, in words and to assistive technology", () => {
    const [busy, setBusy] = createSignal(false);
    render(() => (
      <form>
        <SubmitButton busy={busy()} busyLabel="Skickar…">
          Skicka
        </SubmitButton>
      </form>
    ));
    const button = screen.getByRole("button");
    expect(button.getAttribute("type")).toBe("submit");
    expect(button.textContent).toBe("Skicka");
    expect(button.hasAttribute("aria-busy")).toBe(false);
    setBusy(true);
    expect(button.textContent).toBe("Skickar…");
    expect(button.getAttribute("aria-busy")).toBe("true");
  });
});

describe("ErrorAlert", () => {
  it("says an API error code in plain language, and nothing without one", () => {
    const [code, setCode] = createSignal<string>();
    render(() => <ErrorAlert code={code()} testId="problem" />);
    expect(screen.queryByRole("alert")).toBeNull();
    setCode("network");
    expect(screen.getByTestId("problem").textContent).toBe(errorMessages.network.sv);
    expect(screen.getByRole("alert")).toBe(screen.getByTestId("problem"));
  });
});
