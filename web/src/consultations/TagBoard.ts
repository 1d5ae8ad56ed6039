import { createSignal, onCleanup } from "solid-js";
import type { TagBoard } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";

/** How often the reading room asks whether colleagues changed the tags. */
export const tagPollMs = 4000;

/**
 * The shared tags of a consultation, kept fresh by polling: each ask sends the revision held
 * (`If-None-Match`), and the Worker answers 304 with no body while nothing changed, so a room
 * of colleagues reading together costs one tiny request each every few seconds. A change of
 * her own (`set`) shows at once. A failed poll keeps the board as it was and tries again.
 */
export function createTagBoard(consultationId: number) {
  const [board, setBoard] = createSignal<TagBoard>();
  const param = { id: String(consultationId) };
  let etag: string | undefined;
  let stopped = false;

  const refresh = async () => {
    const response = await client.api.consultations[":id"].tags.$get(
      { param },
      { headers: etag ? { "If-None-Match": etag } : {} },
    );
    if (response.status === 304) return;
    const next = await call(Promise.resolve(response));
    etag = response.headers.get("ETag") ?? undefined;
    if (!stopped) setBoard(next);
  };

  const tick = () => void refresh().catch(() => undefined);
  tick();
  const timer = setInterval(tick, tagPollMs);
  onCleanup(() => {
    stopped = true;
    clearInterval(timer);
  });

  return {
    board,
    /** After her own change: the Worker's answer is the board now. */
    set(next: TagBoard) {
      etag = `"${next.revision}"`;
      setBoard(next);
    },
    refresh,
  };
}
