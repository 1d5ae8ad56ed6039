import { For } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { WordChange } from "../../../worker/shared/motions";
import { t } from "../i18n";
import "./messages.sv";

const marked = {
  removed: { tag: "del", class: "word-removed", key: "motions.diff.removed" },
  added: { tag: "ins", class: "word-added", key: "motions.diff.added" },
} as const;

/**
 * A word diff inline: struck words in `<del>`, new words in `<ins>`, each opened and closed
 * by hidden words ("struket: … slut på ändringen"), since screen readers do not announce
 * the elements themselves and colour alone says nothing (MotionReading.css also strikes
 * and underlines them).
 */
export function WordDiff(props: { changes: WordChange[] }) {
  return (
    <For each={props.changes}>
      {(change) => {
        if (change.change === "same") return change.text;
        const mark = marked[change.change];
        return (
          <Dynamic component={mark.tag} class={mark.class}>
            <span class="visually-hidden">{t(mark.key)} </span>
            {change.text}
            <span class="visually-hidden"> {t("motions.diff.end")} </span>
          </Dynamic>
        );
      }}
    </For>
  );
}
