import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import type { MessageKey } from "../../i18n/index";
import { swedishParts } from "../../i18n/testing";
import { firstEditorText } from "./text";

/** The dictionary entries the first editor's words copy. */
const keys = {
  title: "motions.text.title",
  titleLabel: "motions.text.titleLabel",
  motivationLabel: "motions.text.motivationLabel",
  proposalsLabel: "motions.text.proposalsLabel",
  proposal: "motions.text.proposal",
  att: "motions.att",
} as const satisfies Record<string, MessageKey>;

const statusKeys = {
  connecting: "room.status.connecting",
  connected: "room.status.connected",
  reconnecting: "room.status.reconnecting",
  offline: "room.status.offline",
  closed: "room.reason.normal",
} as const satisfies Record<string, MessageKey>;

describe("the first editor's words", () => {
  it("are the dictionary's, in both languages", () => {
    const sv = Object.assign({}, ...swedishParts.values()) as Record<MessageKey, string>;
    for (const [locale, dictionary] of [
      ["sv", sv],
      ["en", en],
    ] as const) {
      const words = firstEditorText[locale];
      for (const [name, key] of Object.entries(keys)) {
        expect(words[name as keyof typeof keys], `${locale} ${key}`).toBe(dictionary[key]);
      }
      for (const [status, key] of Object.entries(statusKeys)) {
        expect(words.status[status as keyof typeof statusKeys], `${locale} ${key}`).toBe(dictionary[key]);
      }
    }
  });
});
