import type { Me } from "../../../worker/shared/identity";
import {
  defaultMeetingSettings,
  type MeetingView,
  type MinutesVersion,
} from "../../../worker/shared/meetings";

/** A chair of the Göteborg branch who may plan its meetings, for component tests. */
export const karin: Me = {
  kind: "member",
  id: "demo-karin",
  name: "Karin Holm",
  email: "karin@samtal.example",
  groups: [
    {
      group: { kind: "branch", slug: "goteborg", name: "Göteborg" },
      roles: ["chair", "member"],
      can: ["meeting.plan"],
    },
  ],
};

/** A meeting as the Worker answers it, with the fields a test names. */
export function meetingView(fields: Partial<MeetingView> = {}): MeetingView {
  const id = fields.id ?? 7;
  return {
    id,
    group: { kind: "branch", slug: "goteborg", name: "Göteborg" },
    title: "Medlemsmöte",
    startsAt: Date.UTC(2026, 11, 1, 17, 30),
    endsAt: Date.UTC(2026, 11, 1, 19, 0),
    access: "members",
    state: "planned",
    documentId: `meeting:${id}`,
    videoUrl: null,
    settings: defaultMeetingSettings,
    agenda: [],
    agendaAdoptedAt: null,
    officers: { chair: { id: "demo-karin", name: "Karin Holm" }, secretary: null, adjusters: [] },
    minutesDocumentId: `minutes:${id}`,
    minutes: { version: 0, approvedBy: [], frozenAt: null },
    decisions: [],
    invitationsSentAt: null,
    can: ["meeting.attend", "meeting.manage", "meeting.notes"],
    ...fields,
  };
}

/** A version of the minutes as the Worker answers it, with the fields a test names. */
export function minutesVersion(fields: Partial<MinutesVersion> = {}): MinutesVersion {
  return {
    version: 1,
    text: "# Medlemsmöte\n",
    officers: { chair: { id: "demo-karin", name: "Karin Holm" }, secretary: null, adjusters: [] },
    present: [{ id: "demo-karin", name: "Karin Holm" }],
    guests: 0,
    createdAt: Date.UTC(2026, 11, 2, 9),
    frozenAt: null,
    approvals: [],
    ...fields,
  };
}
