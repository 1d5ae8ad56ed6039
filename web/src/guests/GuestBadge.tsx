import { useLocation } from "@solidjs/router";
import type { GuestMe } from "../../../worker/shared/identity";
import { t } from "../i18n";
import { documentHref } from "./paths";

/**
 * The header's account link for a guest: her name, leading back to the document she is
 * invited to (guests have no "my pages"). Styled like a member's account link.
 */
export function GuestBadge(props: { guest: GuestMe }) {
  const location = useLocation();
  const href = () => documentHref(props.guest.documentId);
  return (
    <a
      class="header-link account-link"
      href={href()}
      aria-current={location.pathname === href() ? "page" : undefined}
      data-testid="account-link"
    >
      <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
      <span>{props.guest.name}</span>
      <span class="visually-hidden">, {t("guest.header.suffix")}</span>
    </a>
  );
}
