/**
 * Runs `flush` at most once per `intervalMs`: at once when the last run was at least that
 * long ago, otherwise when the interval is over, with everything that arrived meanwhile.
 * "When the interval is over" is whichever comes first of a timer and the next request
 * made after that moment: on a busy machine workerd ran a Durable Object's timers late
 * (presence driven by a 50 ms timer alone went out 5.2–8.6 times a second instead of 20 in
 * the cursors benchmark; 19.4 now), while a busy room's messages arrive every few
 * milliseconds and each one can see that the interval is over.
 *
 * `flush` answers whether it sent or wrote anything; only then does a new interval start,
 * so a change arriving after an idle stretch goes out at once.
 */
export class Coalescer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRunAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => boolean,
  ) {}

  /** Something changed: flush now if the interval is over, else when it is. */
  request(): void {
    const wait = this.lastRunAt + this.intervalMs - Date.now();
    if (wait <= 0) this.run();
    else this.timer ??= setTimeout(this.run, wait);
  }

  /** Flushes now, whatever the interval (a caller that needs everything flushed first). */
  readonly run = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.flush()) this.lastRunAt = Date.now();
  };
}
