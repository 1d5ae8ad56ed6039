import { createSignal, onMount, Show } from "solid-js";
import { devInfo } from "../dev/devInfo";
import { t } from "../i18n";
import "./DevBanner.css";

/** A strip that says the data is made up, shown only when the Worker runs in development mode. */
export function DevBanner() {
  const [devMode, setDevMode] = createSignal(false);
  onMount(() => {
    devInfo().then(
      (info) => setDevMode(info !== null),
      () => setDevMode(false),
    );
  });
  return (
    <Show when={devMode()}>
      <p class="dev-banner" data-testid="dev-banner">
        {t("dev.banner")}
      </p>
    </Show>
  );
}
