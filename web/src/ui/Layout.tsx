import { type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, ErrorBoundary, type JSX, on, onMount, Show, Suspense } from "solid-js";
import { GuestBadge } from "../guests/GuestBadge";
import { t } from "../i18n";
import { AccountLink } from "../identity/AccountLink";
import { currentGuest, loadSession } from "../identity/session";
import { paths } from "../paths";
import { DevBanner } from "./DevBanner";
import { ErrorPage } from "./ErrorPage";
import { LanguageSwitch } from "./LanguageSwitch";
import { Loading } from "./Loading";
import "./Layout.css";

/** A main-menu link: styled as current for its whole section, aria-current only on its own page. */
function NavLink(props: { href: string; end?: boolean; children: JSX.Element }) {
  const location = useLocation();
  const here = () => location.pathname === props.href;
  const inSection = () => here() || (!props.end && location.pathname.startsWith(`${props.href}/`));
  return (
    <a
      href={props.href}
      class="header-link nav-link"
      classList={{ active: inSection() }}
      aria-current={here() ? "page" : undefined}
    >
      {props.children}
    </a>
  );
}

/** The shell around every page: skip link, header with menu and language switch, main, footer. */
export function Layout(props: RouteSectionProps) {
  let main: HTMLElement | undefined;
  const location = useLocation();
  onMount(() => void loadSession());

  // After navigating, start reading (and tabbing) from the new page's content.
  createEffect(
    on(
      () => location.pathname,
      () => main?.focus({ preventScroll: true }),
      { defer: true },
    ),
  );

  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    main?.focus();
  };

  return (
    <div class="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link (works without scripts); the handler only moves focus, which the router's link handling would not. */}
      <a class="skip-link" href="#main" onClick={skipToContent}>
        {t("skip.toContent")}
      </a>
      <DevBanner />
      <header class="site-header">
        <div class="container header-inner">
          <a class="brand" href={paths.home}>
            {t("app.name")}
          </a>
          <nav class="main-nav" aria-label={t("nav.label")}>
            <ul class="plain-list">
              <li>
                <NavLink href={paths.home} end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink href={paths.organisation}>{t("nav.organisation")}</NavLink>
              </li>
            </ul>
          </nav>
          {/* A guest has no "my pages": her name leads back to her document. */}
          <Show when={currentGuest()} fallback={<AccountLink />}>
            {(guest) => <GuestBadge guest={guest()} />}
          </Show>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabindex="-1" ref={main}>
        <div class="container">
          <ErrorBoundary fallback={(error, reset) => <ErrorPage error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>{props.children}</Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{t("footer.text")}</p>
        </div>
      </footer>
    </div>
  );
}
