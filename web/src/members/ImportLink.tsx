import { Show } from "solid-js";
import type { Me } from "../../../worker/shared/identity";
import { t } from "../i18n";
import { importGroups, importPath } from "./links";

/** On my pages, for those who may import members: the way to the import page. */
export function ImportLink(props: { me: Me }) {
  return (
    <Show when={importGroups(props.me).length > 0}>
      <p>
        <a class="action-link" href={importPath} data-testid="import-link">
          {t("import.link")}
        </a>
      </p>
    </Show>
  );
}
