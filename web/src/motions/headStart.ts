/**
 * A motion's page opened cold: the motion is asked for by the entry's first bytes, before
 * Solid, the router, the dictionary and the API client have arrived, which on a slow phone
 * link takes seconds (docs/benchmarks.md, "motion-page"). No imports, so nothing waits for
 * it and it waits for nothing; the route's preload (./preload.ts) takes the answer once and
 * goes on from there (the writer's code, the room token).
 */

const motionPath = /^\/motions\/([1-9][0-9]{0,9})$/;

let started: { id: string; response: Promise<Response> } | undefined;

const opened = motionPath.exec(location.pathname)?.[1];
if (opened) {
  // As the API client asks (same origin, so the cookie goes along); its network failure is
  // the preload's to report, which asks again through the client.
  const response = fetch(`/api/motions/${opened}`, { headers: { Accept: "application/json" } });
  response.catch(() => undefined);
  started = { id: opened, response };
}

/** The answer started for motion `id` when the page opened, once; undefined otherwise. */
export function takeMotionHeadStart(id: string): Promise<Response> | undefined {
  if (started?.id !== id) return undefined;
  const { response } = started;
  started = undefined;
  return response;
}
