import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { sv } from "../../i18n/sv";
import { firstEditorKeys, firstEditorText } from "./text";

describe("the first editor's words", () => {
  it("are the dictionary's, in both languages", () => {
    for (const [locale, dictionary] of [
      ["sv", sv],
      ["en", en],
    ] as const) {
      const words = firstEditorText[locale];
      const { status: statusKeys, ...keys } = firstEditorKeys;
      for (const [name, key] of Object.entries(keys)) {
        expect(words[name as keyof typeof keys], `${locale} ${key}`).toBe(dictionary[key]);
      }
      for (const [status, key] of Object.entries(statusKeys)) {
        expect(words.status[status as keyof typeof statusKeys], `${locale} ${key}`).toBe(dictionary[key]);
      }
    }
  });
});
