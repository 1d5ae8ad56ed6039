import { For, Match, Switch } from "solid-js";
import type { WordChange } from "../../../worker/shared/motions";
import { t } from "../i18n";

/**
 * A word diff inline: struck words in `<del>`, new words in `<ins>`, each opened and closed
 * by hidden words ("struket: … slut på ändringen"), since screen readers do not announce
 * the elements themselves and colour alone says nothing (MotionReading.css also strikes
 * and underlines them).
 */
export function WordDiff(props: { changes: WordChange[] }) {
  return (
    <For each={props.changes}>
      {(change) => (
        <Switch fallback={change.text}>
          <Match when={change.change === "removed"}>
            <del class="word-removed">
              <span class="visually-hidden">{t("motions.diff.removed")} </span>
              {change.text}
              <span class="visually-hidden"> {t("motions.diff.end")} </span>
            </del>
          </Match>
          <Match when={change.change === "added"}>
            <ins class="word-added">
              <span class="visually-hidden">{t("motions.diff.added")} </span>
              {change.text}
              <span class="visually-hidden"> {t("motions.diff.end")} </span>
            </ins>
          </Match>
        </Switch>
      )}
    </For>
  );
}
