import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { freshStateForEachTest } from "../identity/testing";
import { ResponseRates } from "./ResponseRates";

freshStateForEachTest();

const norrbotten = { kind: "district", slug: "norrbotten", name: "Norrbotten" } as const;
const skane = { kind: "district", slug: "skane", name: "Skåne" } as const;
const lulea = { kind: "branch", slug: "lulea", name: "Luleå" } as const;
const pitea = { kind: "branch", slug: "pitea", name: "Piteå" } as const;

describe("ResponseRates", () => {
  it("gives each rate as text, in a table and a chart whose bars repeat it", () => {
    render(() => (
      <ResponseRates
        overview={{
          consultationId: 5,
          overall: { asked: 4, answered: 1 },
          byDistrict: [
            { district: norrbotten, asked: 2, answered: 1 },
            { district: skane, asked: 2, answered: 0 },
          ],
          byBranch: [
            { branch: lulea, district: norrbotten, asked: 1, answered: 1 },
            { branch: pitea, district: norrbotten, asked: 1, answered: 0 },
          ],
          notAnswered: [{ group: pitea, district: norrbotten }],
          tallies: [],
          byTag: [],
          individuals: 3,
        }}
      />
    ));
    expect(screen.getByTestId("rate-overall").textContent).toBe("Har svarat: 1 av 4 (25 %).");
    expect(screen.getByTestId("rate-individuals").textContent).toBe("3 medlemmar har också svarat enskilt.");
    const chart = within(screen.getByRole("list", { name: "Svarsfrekvens per distrikt, diagram" }));
    expect(chart.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Norrbotten1 av 2 (50 %)",
      "Skåne0 av 2 (0 %)",
    ]);
    const bars = screen.getByTestId("rate-chart").querySelectorAll<HTMLElement>(".rate-bar");
    expect([...bars].map((bar) => bar.style.width)).toEqual(["50%", "0%"]);
    const table = within(screen.getByRole("table", { name: "Per distrikt" }));
    expect(table.getByRole("row", { name: /Norrbotten/ }).textContent).toBe("Norrbotten1250 %");
    expect(screen.getByTestId("rates-by-branch").textContent).toContain("Piteå");
    expect(
      within(screen.getByTestId("not-answered"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Piteå · Norrbotten"]);
  });
});
