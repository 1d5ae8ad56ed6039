import { createSignal } from "solid-js";
import type { MotionView } from "../../../worker/shared/motions";
import { errorCode } from "../api/client";

/**
 * One request from a button or form: busy while it runs (a second press meanwhile does
 * nothing), and the API's error code when it is refused (shown in the user's language by
 * ErrorAlert).
 */
export function createRequest() {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const run = async (request: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await request();
    } catch (error) {
      setFailure(errorCode(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

/**
 * One step on a motion (support, submit, a statement…), as createRequest, with the motion as
 * the Worker answers it handed on, so the page shows its new state.
 */
export function createMotionAction(onDone: (motion: MotionView) => void) {
  const request = createRequest();
  return {
    ...request,
    run: (step: () => Promise<MotionView>) => request.run(async () => onDone(await step())),
  };
}
