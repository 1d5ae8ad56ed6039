import { cleanup, render, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import { GroupList } from "./GroupList";

afterEach(() => {
  cleanup();
  setLocale("sv");
  localStorage.clear();
});

describe("GroupList", () => {
  it("links each group by its name alone, with the count beside the link", () => {
    render(() => (
      <GroupList
        groups={[
          { kind: "district", slug: "goteborg", name: "Göteborgs partidistrikt", childCount: 1 },
          { kind: "district", slug: "skane", name: "Skånes partidistrikt", childCount: 33 },
        ]}
      />
    ));
    const links = screen.getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Göteborgs partidistrikt", "/organisation/district/goteborg"],
      ["Skånes partidistrikt", "/organisation/district/skane"],
    ]);
    const items = screen.getAllByRole("listitem");
    expect(within(items[0] as HTMLElement).getByText("1 arbetarekommun")).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText("33 arbetarekommuner")).toBeTruthy();

    setLocale("en");
    expect(within(items[1] as HTMLElement).getByText("33 municipal branches")).toBeTruthy();
  });

  it("leaves out a zero count of associations", () => {
    render(() => (
      <GroupList
        groups={[
          { kind: "branch", slug: "ale", name: "Ale", childCount: 0 },
          { kind: "branch", slug: "stockholm", name: "Stockholm", childCount: 2 },
        ]}
      />
    ));
    const [ale, stockholm] = screen.getAllByRole("listitem") as HTMLElement[];
    expect(ale?.textContent).toBe("Ale");
    expect(stockholm?.textContent).toContain("2 S-föreningar");
  });
});
