import { createSignal, For, onMount, Show } from "solid-js";
import type { GuestInvite, ManagedInvite } from "../../../worker/shared/identity";
import { call, client, errorCode, failedWith } from "../api/client";
import { t, tp } from "../i18n";
import "./messages.sv";
import { formatDateTime } from "../identity/format";
import { loggedOut } from "../identity/session";
import { ErrorAlert, Field } from "../ui/Form";
import "./InvitePanel.css";

export type InviteState = "active" | "expired" | "revoked";

export function inviteState(invite: GuestInvite, now = Date.now()): InviteState {
  if (invite.revokedAt !== null) return "revoked";
  return invite.expiresAt <= now ? "expired" : "active";
}

/** "Gäller till …", "Gick ut …", "Tillbakadragen …": where the invite stands. */
function stateText(invite: GuestInvite): string {
  switch (inviteState(invite)) {
    case "revoked":
      return t("invites.item.revoked", { time: formatDateTime(invite.revokedAt ?? invite.expiresAt) });
    case "expired":
      return t("invites.item.expired", { time: formatDateTime(invite.expiresAt) });
    case "active":
      return t("invites.item.active", { time: formatDateTime(invite.expiresAt) });
  }
}

/**
 * Copies text to the clipboard. False where the browser has no clipboard API or refuses
 * (an insecure origin, a denied permission): the caller then selects the text instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!globalThis.navigator?.clipboard?.writeText) return false;
    await globalThis.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Bjud in gäster" on a document, for members: create an invite link (shown once, with a
 * copy button), and see and withdraw this member's invites to the document. An officer of
 * the document's group (for a scratch document, a national administrator) also sees the live
 * invites others made to it, and may withdraw them (`invite.withdraw`). On a meeting (`kind`),
 * the lead says what a guest may do there rather than in a document.
 */
export function InvitePanel(props: { documentId: string; kind?: "document" | "meeting" }) {
  const [invites, setInvites] = createSignal<GuestInvite[]>();
  const [othersInvites, setOthersInvites] = createSignal<ManagedInvite[]>([]);
  const [link, setLink] = createSignal<string>();
  const [creating, setCreating] = createSignal(false);
  const [withdrawing, setWithdrawing] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal("");
  let linkInput: HTMLInputElement | undefined;

  const fail = (error: unknown) => {
    // Her session ended meanwhile (logged out elsewhere): the page will offer log-in.
    if (failedWith(error, 401)) loggedOut();
    setFailure(errorCode(error));
  };

  const load = async () => {
    try {
      const [mine, managed] = await Promise.all([
        call(client.api.invites.$get({ query: {} })),
        call(client.api.invites.$get({ query: { scope: "managed" } })),
      ]);
      const here = <T extends GuestInvite>(list: T[]) =>
        list.filter((invite) => invite.documentId === props.documentId);
      setInvites(here(mine));
      setOthersInvites(here(managed.filter((invite): invite is ManagedInvite => "createdBy" in invite)));
    } catch (error) {
      fail(error);
    }
  };
  onMount(load);

  const create = async () => {
    if (creating()) return;
    setCreating(true);
    setFailure(undefined);
    setAnnouncement("");
    try {
      const invite = await call(client.api.invites.$post({ json: { documentId: props.documentId } }));
      setLink(invite.link);
      setAnnouncement(t("invites.created"));
      linkInput?.focus();
      linkInput?.select();
      await load();
    } catch (error) {
      fail(error);
    } finally {
      setCreating(false);
    }
  };

  const copy = async () => {
    const text = link();
    if (!text) return;
    setAnnouncement("");
    if (await copyText(text)) {
      setAnnouncement(t("invites.copied"));
      return;
    }
    linkInput?.focus();
    linkInput?.select();
    setAnnouncement(t("invites.copy.manual"));
  };

  const withdraw = async (invite: GuestInvite) => {
    if (withdrawing()) return;
    setWithdrawing(invite.id);
    setFailure(undefined);
    setAnnouncement("");
    try {
      await call(client.api.invites[":id"].$delete({ param: { id: invite.id } }));
      setAnnouncement(t("invites.withdrawn"));
    } catch (error) {
      // 404: already gone; the reloaded list shows how it stands.
      if (!failedWith(error, 404)) fail(error);
    } finally {
      setWithdrawing(undefined);
    }
    await load();
  };

  return (
    <section class="invite-panel" aria-labelledby="invites-title" data-testid="invite-panel">
      <h2 id="invites-title">{t("invites.title")}</h2>
      <p class="hint">{t(props.kind === "meeting" ? "invites.leadMeeting" : "invites.lead")}</p>
      <p>
        <button
          type="button"
          class="button"
          onClick={create}
          aria-busy={creating() ? "true" : undefined}
          data-testid="create-invite"
        >
          {creating() ? t("invites.creating") : t("invites.create")}
        </button>
      </p>
      <Show when={link()}>
        {(value) => (
          <div class="form-panel invite-link">
            <Field
              id="invite-link"
              label={t("invites.link.label")}
              hint={t("invites.link.hint")}
              action={
                <button type="button" class="button button-secondary" onClick={copy}>
                  {t("invites.copy")}
                </button>
              }
            >
              {(control) => (
                <input
                  ref={linkInput}
                  {...control}
                  type="text"
                  readOnly
                  value={value()}
                  onFocus={(event) => event.currentTarget.select()}
                  data-testid="invite-link"
                />
              )}
            </Field>
          </div>
        )}
      </Show>
      <p class="form-result success" role="status" aria-live="polite" data-testid="invite-status">
        {announcement()}
      </p>
      <ErrorAlert code={failure()} />

      <div class="invite-list-head">
        <h3 id="invite-list-title">{t("invites.list.title")}</h3>
        <button type="button" class="link-button" onClick={load}>
          {t("invites.list.refresh")}
        </button>
      </div>
      <Show when={invites()}>
        {(list) => (
          <InviteList
            invites={list()}
            labelledBy="invite-list-title"
            empty={t("invites.list.empty")}
            withdrawing={withdrawing()}
            onWithdraw={withdraw}
            testId="invite-list"
          />
        )}
      </Show>
      <Show when={othersInvites().length > 0}>
        <h3 id="others-invites-title">{t("invites.others.title")}</h3>
        <InviteList
          invites={othersInvites()}
          labelledBy="others-invites-title"
          empty=""
          withdrawing={withdrawing()}
          onWithdraw={withdraw}
          testId="others-invite-list"
        />
      </Show>
    </section>
  );
}

/** Invites as cards: when made (and by whom, for others' invites), guests, state, withdraw. */
function InviteList(props: {
  invites: (GuestInvite | ManagedInvite)[];
  labelledBy: string;
  empty: string;
  withdrawing: string | undefined;
  onWithdraw: (invite: GuestInvite) => void;
  testId: string;
}) {
  return (
    <Show when={props.invites.length > 0} fallback={<p class="empty">{props.empty}</p>}>
      <ul
        class="plain-list card-list invite-list"
        aria-labelledby={props.labelledBy}
        data-testid={props.testId}
      >
        <For each={props.invites}>
          {(invite) => {
            const labelId = `invite-${invite.id}`;
            return (
              <li class="item-card" classList={{ "item-card-current": inviteState(invite) === "active" }}>
                <p class="item-card-title" id={labelId}>
                  {t("invites.item.created", { time: formatDateTime(invite.createdAt) })}
                </p>
                <p class="meta">
                  <Show when={"createdBy" in invite ? invite.createdBy : undefined}>
                    {(maker) => (
                      <>
                        {t("invites.item.madeBy", { name: maker().name ?? t("audit.formerMember") })}
                        <br />
                      </>
                    )}
                  </Show>
                  {tp("invites.item.guests", invite.guests)}
                  <br />
                  {stateText(invite)}
                </p>
                <Show when={inviteState(invite) === "active"}>
                  <button
                    type="button"
                    class="button button-small button-secondary"
                    aria-describedby={labelId}
                    aria-busy={props.withdrawing === invite.id ? "true" : undefined}
                    onClick={() => props.onWithdraw(invite)}
                  >
                    {t("invites.withdraw")}
                  </button>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
