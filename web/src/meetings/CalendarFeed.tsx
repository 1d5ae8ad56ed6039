import { createSignal, Show } from "solid-js";
import { call, client } from "../api/client";
import { copyText } from "../guests/InvitePanel";
import { t } from "../i18n";
import "./messages.sv";
import { createRequest } from "../motions/action";
import { ErrorAlert } from "../ui/Form";

/**
 * Her calendar feed: an address her calendar app subscribes to, listing her meetings. The
 * address is shown once, when made (the Worker keeps only its hash); making a new one or
 * revoking stops the old one, for when it was shared by mistake.
 */
export function CalendarFeed() {
  const [url, setUrl] = createSignal<string>();
  const [said, setSaid] = createSignal("");
  const request = createRequest();
  let field: HTMLInputElement | undefined;
  const make = () =>
    request.run(async () => {
      const feed = await call(client.api.meetings["calendar-feed"].$post());
      setUrl(feed.url);
      setSaid(t("meetings.feed.made"));
      queueMicrotask(() => field?.select());
    });
  const revoke = () =>
    request.run(async () => {
      await call(client.api.meetings["calendar-feed"].$delete());
      setUrl(undefined);
      setSaid(t("meetings.feed.revoked"));
    });
  const copy = async () => {
    const text = url();
    if (!text) return;
    if (await copyText(text)) return setSaid(t("invites.copied"));
    field?.focus();
    field?.select();
    setSaid(t("invites.copy.manual"));
  };
  return (
    <section aria-labelledby="calendar-feed-title" class="meeting-section" data-testid="calendar-feed">
      <h2 id="calendar-feed-title">{t("meetings.feed.title")}</h2>
      <p class="hint">{t("meetings.feed.hint")}</p>
      <Show when={url()}>
        {(address) => (
          <div class="field">
            <label class="field-label" for="calendar-feed-url">
              {t("meetings.feed.label")}
            </label>
            <div class="field-row">
              <input
                id="calendar-feed-url"
                readonly
                value={address()}
                ref={field}
                data-testid="calendar-feed-url"
              />
              <button type="button" class="button button-secondary" onClick={copy}>
                {t("invites.copy")}
              </button>
            </div>
          </div>
        )}
      </Show>
      <div class="actions">
        <button type="button" class="button" onClick={make} data-testid="make-feed">
          {t("meetings.feed.make")}
        </button>
        <button type="button" class="button button-secondary" onClick={revoke} data-testid="revoke-feed">
          {t("meetings.feed.revoke")}
        </button>
      </div>
      <p class="form-result success" role="status" aria-live="polite">
        {said()}
      </p>
      <ErrorAlert code={request.failure()} />
    </section>
  );
}
