import { createSignal } from "solid-js";
import type { MotionView } from "../../../worker/shared/motions";
import { errorCode } from "../api/client";

/**
 * One step on a motion (support, submit, a statement…): busy while the request runs, the
 * API's error code when it is refused (shown in the user's language by ErrorAlert), and the
 * motion as the Worker answers it handed on, so the page shows its new state.
 */
export function createMotionAction(onDone: (motion: MotionView) => void) {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const run = async (request: () => Promise<MotionView>) => {
    if (busy()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await request());
    } catch (error) {
      setFailure(errorCode(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
