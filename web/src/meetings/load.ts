import type { MeetingView } from "../../../worker/shared/meetings";
import { call, client, failedWith } from "../api/client";

export type LoadedMeeting = { meeting: MeetingView } | { missing: true } | { loginNeeded: true };

/** A meeting as its pages load it. One the asker may not attend answers 404, as one that does not exist. */
export async function loadMeeting(id: string): Promise<LoadedMeeting> {
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return { missing: true };
  try {
    return { meeting: await call(client.api.meetings[":id"].$get({ param: { id } })) };
  } catch (error) {
    if (failedWith(error, 404, 400)) return { missing: true };
    if (failedWith(error, 401)) return { loginNeeded: true };
    throw error;
  }
}
