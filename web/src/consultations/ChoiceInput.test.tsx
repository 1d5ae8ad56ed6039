import { fireEvent, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import type { Choice, Question } from "../../../worker/shared/consultations";
import { ChoiceInput, choiceText } from "./ChoiceInput";

const multiple: Question = {
  id: 3,
  kind: "multiple",
  prompt: "Vad?",
  comment: false,
  options: ["Skola", "Vård", "Jobb"],
  scale: null,
};
const scale: Question = {
  id: 4,
  kind: "scale",
  prompt: "Hur viktigt?",
  comment: true,
  options: [],
  scale: { min: 1, max: 3, minLabel: "inte alls", maxLabel: "mycket" },
};

function renderChoice(question: Question) {
  const [value, setValue] = createSignal<Choice>();
  render(() => (
    <ChoiceInput
      question={question}
      name={`q-${question.id}`}
      value={value()}
      disabled={false}
      onChange={setValue}
    />
  ));
  return value;
}

describe("ChoiceInput", () => {
  it("picks several options of a multiple choice, in order, and unpicks them", () => {
    const value = renderChoice(multiple);
    fireEvent.click(screen.getByLabelText("Jobb"));
    fireEvent.click(screen.getByLabelText("Skola"));
    expect(value()).toEqual({ questionId: 3, choices: [0, 2] });
    fireEvent.click(screen.getByLabelText("Jobb"));
    expect(value()).toEqual({ questionId: 3, choices: [0] });
    expect(screen.getByRole("group", { name: /^Välj ett eller flera ?: Vad\?$/ })).toBeTruthy();
  });

  it("picks a scale value, its ends named", () => {
    const value = renderChoice(scale);
    expect(screen.getAllByRole("radio").map((r) => r.parentElement?.textContent)).toEqual([
      "1 (inte alls)",
      "2",
      "3 (mycket)",
    ]);
    fireEvent.click(screen.getByLabelText("2"));
    expect(value()).toEqual({ questionId: 4, value: 2 });
    expect(choiceText(scale, null, 3)).toBe("3 (mycket)");
    expect(choiceText(multiple, [0, 1], null)).toBe("Skola, Vård");
  });
});
