import { afterEach, describe, expect, it, vi } from "vitest";
import { Coalescer } from "../../worker/rooms/coalesce";

/**
 * The room's writes and presence go out through a Coalescer: at once after a quiet spell, at
 * most once per interval while changes keep coming, and without waiting for a timer that fires
 * late (workerd ran them late on a busy machine, and presence fell to 5–9 frames a second).
 */

afterEach(() => {
  vi.useRealTimers();
});

/** A coalescer over a counter of changes; `flushes` lists how many changes each flush carried. */
function counting(intervalMs: number) {
  let pending = 0;
  const flushes: number[] = [];
  const coalescer = new Coalescer(intervalMs, () => {
    if (pending === 0) return false;
    flushes.push(pending);
    pending = 0;
    return true;
  });
  const change = () => {
    pending++;
    coalescer.request();
  };
  return { coalescer, flushes, change };
}

describe("Coalescer", () => {
  it("flushes a change after a quiet spell at once, and the changes of one interval together at its end", () => {
    vi.useFakeTimers({ now: 1_000 });
    const { flushes, change } = counting(50);
    change();
    expect(flushes).toEqual([1]);
    change();
    change();
    vi.advanceTimersByTime(49);
    expect(flushes).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([1, 2]);
  });

  it("does not wait for a late timer: the first change after the interval takes everything with it", () => {
    vi.useFakeTimers({ now: 1_000 });
    const { flushes, change } = counting(50);
    change();
    change();
    // The interval is over but its timer has not run (the runtime is busy).
    vi.setSystemTime(1_060);
    change();
    expect(flushes).toEqual([1, 2]);
    // The late timer finds nothing left and starts no interval of its own.
    vi.runAllTimers();
    expect(flushes).toEqual([1, 2]);
  });

  it("runs at once when asked, whatever the interval, and an empty flush starts no interval", () => {
    vi.useFakeTimers({ now: 1_000 });
    const { coalescer, flushes, change } = counting(50);
    change();
    change();
    coalescer.run();
    expect(flushes).toEqual([1, 1]);
    vi.advanceTimersByTime(100);
    coalescer.run();
    expect(flushes).toEqual([1, 1]);
    change();
    expect(flushes).toEqual([1, 1, 1]);
  });
});
