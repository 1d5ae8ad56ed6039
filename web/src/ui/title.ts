import { createEffect } from "solid-js";
import { t } from "../i18n";

/** Keeps `document.title` as "<page> – samtal", so each page is named in tabs and history. */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const page = title();
    const app = t("app.titleSuffix");
    document.title = page ? `${page} – ${app}` : app;
  });
}
