import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { currentVersion, recordDecision } from "../motions/lifecycle";
import { findMotion } from "../motions/resource";
import { Refused } from "./live/state";

/**
 * A meeting's decision on a motion on its agenda, recorded through the motions feature's
 * own step (the meeting's decision per att-sats: a new frozen version, the motion `decided`),
 * so the motion's rules (its state, one verdict per att-sats) hold here too.
 */
export async function applyMotionVerdicts(
  db: Db,
  motionId: number,
  verdicts: { verdict: "approve" | "reject" | "answered" }[],
  personId: string,
): Promise<void> {
  const found = await findMotion(db, motionId);
  if (!found) throw new Refused("meeting_no_such_entry");
  try {
    await recordDecision(db, found.record, verdicts, personId);
  } catch (err) {
    if (err instanceof ApiError) throw new Refused(err.code);
    throw err;
  }
}

/** How many att-satser the motion's current version has (a proposal may point at one of them). */
export async function attSatsCount(db: Db, motionId: number): Promise<number> {
  return (await currentVersion(db, motionId)).proposals.length;
}
