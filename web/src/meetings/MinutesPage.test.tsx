import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../api/testing";
import { freshStateForEachTest } from "../identity/testing";
import { renderAt } from "../ui/testing";
import MinutesPage from "./MinutesPage";
import { minutesVersion } from "./testing";

freshStateForEachTest();

describe("MinutesPage", () => {
  it("shows a frozen version as text with its approvals and its downloads", async () => {
    fakeApi({
      "GET /api/meetings/:id/minutes/:version": () =>
        minutesVersion({
          version: 2,
          text: "# Styrelsemöte\n\n## § 1 Mötets öppnande\n\nOrdföranden förklarade mötet öppnat\\.\n",
          officers: {
            chair: { id: "demo-karin", name: "Karin Holm" },
            secretary: { id: "demo-ida", name: "Ida Karlsson" },
            adjusters: [{ id: "demo-astrid", name: "Astrid Lindqvist" }],
          },
          present: [
            { id: "demo-ida", name: "Ida Karlsson" },
            { id: "demo-gone", name: null },
          ],
          guests: 2,
          frozenAt: Date.UTC(2026, 11, 3, 9),
          approvals: [
            { person: { id: "demo-astrid", name: "Astrid Lindqvist" }, approvedAt: Date.UTC(2026, 11, 3, 9) },
          ],
        }),
    });
    renderAt("/meetings/7/minutes/2", { "/meetings/:id/minutes/:version": MinutesPage });
    expect(await screen.findByRole("heading", { level: 1, name: "Styrelsemöte" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "§ 1 Mötets öppnande" })).toBeTruthy();
    expect(screen.getByText("Ordföranden förklarade mötet öppnat.")).toBeTruthy();
    expect(screen.getByText(/^Justerat av Astrid Lindqvist/)).toBeTruthy();
    expect(screen.getByTestId("minutes-present").textContent).toBe(
      "Ida Karlsson, Tidigare medlem och 2 gäster",
    );
    expect(screen.getByTestId("minutes-officers").textContent).toContain("MötessekreterareIda Karlsson");
    expect(screen.getByTestId("minutes-docx").getAttribute("href")).toBe("/api/meetings/7/minutes/2/docx");
    expect(screen.queryByText("Protokollet gäller först när alla justerare har justerat det.")).toBeNull();
  });
});
