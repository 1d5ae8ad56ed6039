import { describe, expect, it } from "vitest";
import { documentIdSchema } from "../../../worker/shared/room-schemas";
import { isDocumentId } from "./links";

describe("isDocumentId", () => {
  it("accepts exactly the ids the room accepts", () => {
    const samples = [
      "scratch:demo",
      "motion:42",
      "meeting-notes:a_b-C9",
      "x:y",
      "ab",
      "Scratch:demo",
      "scratch:",
      ":demo",
      "scratch:de mo",
      "scratch:demo:2",
      "scratch:dëmo",
      "9scratch:demo",
      `scratch:${"a".repeat(120)}`,
      `scratch:${"a".repeat(119)}`,
      "",
    ];
    for (const id of samples)
      expect({ id, ok: isDocumentId(id) }).toEqual({ id, ok: documentIdSchema.safeParse(id).success });
  });
});
