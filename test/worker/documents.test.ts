import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  documentToProseMirror,
  documentToText,
  editDocument,
  loadDocument,
  readDocumentText,
} from "../../worker/rooms/documents";
import { connect } from "./rooms";

let counter = 0;
const freshDoc = () => `test:docs-${Date.now()}-${counter++}`;

/** Builds rich text the way TipTap's Collaboration extension stores it. */
function paragraph(text: string, bold?: string) {
  const p = new Y.XmlElement("paragraph");
  const t = new Y.XmlText();
  t.insert(0, text);
  if (bold) t.insert(text.length, bold, { bold: true });
  p.insert(0, [t]);
  return p;
}

describe("server-side document API", () => {
  it("writes as the server, and connected editors see it at once", async () => {
    const id = freshDoc();
    const editor = await connect(id);
    await editor.synced();
    await editDocument(env, id, (doc) => {
      doc
        .getXmlFragment("default")
        .insert(0, [paragraph("Motion om ", "kollektivtrafik"), paragraph("Andra stycket")]);
    });
    const fragment = editor.doc.getXmlFragment("default");
    await editor.waitFor(() => fragment.length === 2, 5000, "server edit reaches the editor");
    expect(await readDocumentText(env, id)).toBe("Motion om kollektivtrafik\nAndra stycket");
    editor.close();
  });

  it("reads rich text as ProseMirror JSON with marks", async () => {
    const id = freshDoc();
    await editDocument(env, id, (doc) =>
      doc.getXmlFragment("default").insert(0, [paragraph("Att ", "yrka")]),
    );
    const doc = await loadDocument(env, id);
    expect(documentToProseMirror(doc)).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Att " },
            { type: "text", text: "yrka", marks: [{ type: "bold" }] },
          ],
        },
      ],
    });
    expect(documentToText(doc)).toBe("Att yrka");
  });

  it("merges a server write with a concurrent person's edit", async () => {
    const id = freshDoc();
    const editor = await connect(id);
    await editor.synced();
    const text = editor.doc.getText("t");
    text.insert(0, "person");
    await editDocument(env, id, (doc) => doc.getText("t").insert(0, "server "));
    await editor.waitFor(() => text.toString().includes("server") && text.toString().includes("person"));
    // The room holds the merge: what it serves is exactly what the editor shows.
    await expect
      .poll(async () => (await loadDocument(env, id)).getText("t").toString())
      .toBe(text.toString());
    editor.close();
  });
});

describe("room addressing", () => {
  it("asks for the configured jurisdiction (workerd itself has none, so it refuses)", async () => {
    const { roomNamespace } = await import("../../worker/rooms/address");
    expect(() => roomNamespace({ ...env, ROOM_JURISDICTION: "eu" })).toThrow(/[Jj]urisdiction/);
    expect(roomNamespace({ ...env, ROOM_JURISDICTION: "local" as "eu" })).toBe(env.DOCUMENT_ROOMS);
  });
});
