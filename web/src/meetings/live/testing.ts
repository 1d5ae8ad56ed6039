import {
  defaultMeetingSettings,
  type MeetingLiveState,
  type MeetingYou,
} from "../../../../worker/shared/meetings";

/** A live meeting's shared snapshot as the room sends it, with the fields a test names. */
export function liveState(fields: Partial<MeetingLiveState> = {}): MeetingLiveState {
  return {
    meetingId: 7,
    state: "open",
    access: "members",
    settings: defaultMeetingSettings,
    agenda: [
      { id: 1, number: 1, title: "Mötets öppnande", kind: "formal", motionId: null },
      { id: 2, number: 2, title: "Bostäder", kind: "discussion", motionId: null },
    ],
    currentItemId: 1,
    agendaAdopted: false,
    officers: [{ participantId: "demo-karin", role: "chair" }],
    speakers: null,
    polls: [],
    votes: [],
    decisions: [],
    ...fields,
  };
}

/** The receiver's own part of a snapshot. */
export function youState(fields: Partial<MeetingYou> = {}): MeetingYou {
  return {
    participantId: "demo-ida",
    guest: false,
    officer: [],
    votingRight: true,
    checkedIn: true,
    pollAnswers: {},
    votedIn: [],
    stats: null,
    ...fields,
  };
}
