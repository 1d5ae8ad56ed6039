import * as Y from "yjs";
import { editDocument, richTextField } from "../rooms/documents";
import { minutesDocumentId } from "../shared/meetings";
import type { MinutesLine } from "./live/commands";

/**
 * The minutes draft themselves: as the meeting runs, the meeting room adds a line to the
 * live document `minutes:<id>` for each thing the minutes record (the opening, each item,
 * elections, decisions, vote results, the closing), through the room like anyone's edit, so
 * the secretary sees them arrive in her editor and edits around them.
 */
export async function appendMinutes(env: Env, meetingId: number, lines: MinutesLine[]): Promise<void> {
  if (!lines.length) return;
  await editDocument(env, minutesDocumentId(meetingId), (doc) => {
    const fragment = doc.getXmlFragment(richTextField);
    for (const line of lines) {
      const element = new Y.XmlElement(line.kind);
      if (line.kind === "heading") element.setAttribute("level", 2 as unknown as string);
      fragment.insert(fragment.length, [element]);
      const text = new Y.XmlText();
      element.insert(0, [text]);
      text.insert(0, line.text);
    }
  });
}
