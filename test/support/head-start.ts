import { type MotionHeadStart, motionHeadStartId } from "../../worker/shared/head-start";

/**
 * The motion's data inline in a page (worker/motions/page.ts), read where it must be: the
 * first thing inside `<head>`. Undefined when the page has none.
 */
export function headStartOf(html: string): MotionHeadStart | undefined {
  const found = new RegExp(
    `<head><script type="application/json" id="${motionHeadStartId}">(.*?)</script>`,
    "s",
  ).exec(html);
  return found?.[1] === undefined ? undefined : (JSON.parse(found[1]) as MotionHeadStart);
}
