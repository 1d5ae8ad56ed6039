import type { Locale } from "../../../../worker/shared/errors";
import type { RoomStatus } from "../../rooms/RoomConnection";

/**
 * The first editor's few words (./firstEditor.ts), in both languages: the app's dictionary
 * comes with Solid in the app's code, which a cold open on a slow phone must not wait for.
 * Each is a copy of a dictionary entry (text.test.ts names which, and fails when one drifts
 * from it).
 */
export interface FirstEditorText {
  title: string;
  titleLabel: string;
  motivationLabel: string;
  proposalsLabel: string;
  /** With `{n}`, the att-sats's number. */
  proposal: string;
  att: string;
  status: Record<RoomStatus, string>;
}

export const firstEditorText: Record<Locale, FirstEditorText> = {
  sv: {
    title: "Texten",
    titleLabel: "Rubrik",
    motivationLabel: "Motivering",
    proposalsLabel: "Att-satser",
    proposal: "Att-sats {n}, texten efter ”att”",
    att: "att",
    status: {
      connecting: "Ansluter…",
      connected: "Ansluten",
      reconnecting: "Återansluter…",
      offline: "Offline – dina ändringar sparas och skickas när du är ansluten igen",
      closed: "Anslutningen till dokumentet stängdes.",
    },
  },
  en: {
    title: "The text",
    titleLabel: "Title",
    motivationLabel: "Motivation",
    proposalsLabel: "Proposals (att-satser)",
    proposal: "Proposal {n}, the text after “att”",
    att: "that",
    status: {
      connecting: "Connecting…",
      connected: "Connected",
      reconnecting: "Reconnecting…",
      offline: "Offline – your changes are kept and sent when you reconnect",
      closed: "The connection to the document was closed.",
    },
  },
};
