import { createResource, createSignal, For, type JSX, Show } from "solid-js";
import { ErrorAlert, Field } from "./Form";
import "./PersonSearch.css";

export interface FoundPerson {
  id: string;
  name: string;
}

/**
 * Picking a member by name: type part of it, search, act on one of those found (invite her as
 * a co-author, name her an officer). It has no form of its own, so it can sit inside one:
 * Enter in the field searches rather than submitting the form around it. `actions` renders
 * the buttons for one person found; `clear` empties the search once she is picked.
 */
export function PersonSearch(props: {
  id: string;
  label: string;
  hint?: string;
  searchLabel: string;
  resultsLabel: string;
  none: string;
  search: (q: string) => Promise<FoundPerson[]>;
  actions: (person: FoundPerson, clear: () => void) => JSX.Element;
}) {
  const [query, setQuery] = createSignal("");
  const [asked, setAsked] = createSignal<string>();
  const [found] = createResource(asked, (q) => props.search(q));
  const ask = () => setAsked(query().trim());
  const clear = () => {
    setAsked(undefined);
    setQuery("");
  };
  return (
    <div class="person-search">
      <Field
        id={props.id}
        label={props.label}
        hint={props.hint}
        action={
          <button type="button" class="button" onClick={ask}>
            {props.searchLabel}
          </button>
        }
      >
        {(control) => (
          <input
            {...control}
            type="search"
            autocomplete="off"
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              ask();
            }}
          />
        )}
      </Field>
      <Show when={asked() !== undefined && found()}>
        {(people) => (
          <Show when={people().length > 0} fallback={<p role="status">{props.none}</p>}>
            <ul class="plain-list candidate-list" aria-label={props.resultsLabel}>
              <For each={people()}>
                {(person) => (
                  <li class="candidate">
                    <span>{person.name}</span>
                    {props.actions(person, clear)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <ErrorAlert code={found.error ? "internal" : undefined} />
    </div>
  );
}
