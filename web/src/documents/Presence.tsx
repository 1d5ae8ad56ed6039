import { For } from "solid-js";
import type { Awareness } from "y-protocols/awareness";
import { t } from "../i18n";
import { createPresence, type Participant } from "../rooms/createRoom";
import "./Presence.css";

/**
 * How the list of people present and the carets name someone: a guest as a guest, from the
 * marker the room sets from her token, so that she cannot pass as a member.
 */
export function participantLabel(person: Pick<Participant, "name" | "guest" | "self">): string {
  const { name } = person;
  if (person.self) return t(person.guest ? "document.presence.youGuest" : "document.presence.you", { name });
  return person.guest ? t("document.presence.guest", { name }) : person.name;
}

/** Who is here: one pill per person with her caret's colour, you first. */
export function Presence(props: { awareness: Awareness }) {
  const participants = createPresence(props.awareness);
  return (
    <section class="presence" aria-labelledby="presence-title" data-testid="presence">
      <h2 id="presence-title">{t("document.presence.title")}</h2>
      <ul class="plain-list">
        <For each={participants()}>
          {(person) => (
            <li class="participant">
              <span
                class="participant-colour"
                aria-hidden="true"
                style={{ "background-color": person.color ?? "transparent" }}
              />
              {participantLabel(person)}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
