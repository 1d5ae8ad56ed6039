import { For, Show } from "solid-js";
import type { GroupKind, GroupSummary } from "../../../worker/shared/org";
import { type PluralKey, tp } from "../i18n";
import "./messages.sv";
import { groupHref } from "./links";
import "./GroupList.css";

/** What a group's children are counted as, for the count shown next to its link. */
const childCountKey: Partial<Record<GroupKind, PluralKey>> = {
  district: "count.branch",
  branch: "count.association",
};

/**
 * Groups as a list of links. Each link's text is the group's name alone; the count of what
 * lies below it sits beside the link (shown for districts always, for others when non-zero).
 */
export function GroupList(props: { groups: GroupSummary[]; label?: string }) {
  return (
    <ul class="plain-list card-grid" aria-label={props.label}>
      <For each={props.groups}>
        {(group) => {
          const countKey = childCountKey[group.kind];
          return (
            <li class="group-card">
              <a class="group-link" href={groupHref(group)}>
                {group.name}
              </a>
              <Show
                when={countKey && (group.kind === "district" || group.childCount > 0) ? countKey : undefined}
              >
                {(key) => (
                  <>
                    {" "}
                    <span class="meta">{tp(key(), group.childCount)}</span>
                  </>
                )}
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
