import { For } from "solid-js";
import { t } from "../i18n";
import type { Participant } from "./createRoom";
import "./PresenceList.css";

/** Who is in the room now: one pill per person with her caret's colour, you first. */
export function PresenceList(props: { participants: Participant[] }) {
  return (
    <section class="presence" aria-labelledby="presence-title" data-testid="presence">
      <h2 id="presence-title">{t("document.presence.title")}</h2>
      <ul class="plain-list">
        <For each={props.participants}>
          {(person) => (
            <li class="participant">
              <span
                class="participant-colour"
                aria-hidden="true"
                style={{ "background-color": person.color ?? "transparent" }}
              />
              {person.self ? t("document.presence.you", { name: person.name }) : person.name}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
