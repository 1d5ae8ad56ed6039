import { useSearchParams } from "@solidjs/router";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import type { ErrorCode } from "../../../worker/shared/errors";
import type { GroupSearchHit } from "../../../worker/shared/org";
import { call, client, errorCode } from "../api/client";
import { errorMessage, kindLabel, t, tp } from "../i18n";
import "./messages.sv";
import { Field, SubmitButton } from "../ui/Form";
import { groupHref } from "./links";
import "./OrgSearch.css";

const debounceMs = 200;
const maxQueryLength = 100;
const resultLimit = 20;

type SearchState =
  | { status: "idle" }
  | { status: "loading"; query: string; hits: GroupSearchHit[] }
  | { status: "done"; query: string; hits: GroupSearchHit[] }
  | { status: "error"; query: string; code: ErrorCode };

/**
 * Search-as-you-type over districts, branches, associations and side organisations. The
 * query lives in the address (?q=), so going back from a result shows the same hits.
 */
export function OrgSearch() {
  const [searchParams, setSearchParams] = useSearchParams<{ q?: string }>();
  const initial = typeof searchParams.q === "string" ? searchParams.q : "";
  const [text, setText] = createSignal(initial);
  const [state, setState] = createSignal<SearchState>({ status: "idle" });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let resultList: HTMLUListElement | undefined;

  const search = (raw: string) => {
    clearTimeout(timer);
    inFlight?.abort();
    const query = raw.trim().slice(0, maxQueryLength);
    if (query !== (searchParams.q ?? "")) {
      setSearchParams({ q: query || undefined }, { replace: true, scroll: false });
    }
    if (!query) {
      inFlight = undefined;
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    const previous = state();
    setState({ status: "loading", query, hits: previous.status === "done" ? previous.hits : [] });
    call(
      client.api.org.search.$get(
        { query: { q: query, limit: resultLimit } },
        { init: { signal: controller.signal } },
      ),
    ).then(
      (result) => {
        if (inFlight === controller) setState({ status: "done", query, hits: result.hits });
      },
      (error: unknown) => {
        if (inFlight !== controller || controller.signal.aborted) return;
        setState({ status: "error", query, code: errorCode(error) });
      },
    );
  };

  const onInput = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => search(value), debounceMs);
  };

  onMount(() => {
    if (initial.trim()) search(initial);
  });
  onCleanup(() => {
    clearTimeout(timer);
    inFlight?.abort();
  });

  const hits = () => {
    const s = state();
    return s.status === "done" || s.status === "loading" ? s.hits : [];
  };

  const status = () => {
    const s = state();
    switch (s.status) {
      case "idle":
        return "";
      case "loading":
        return t("org.search.searching");
      case "error":
        return errorMessage(s.code);
      case "done":
        if (s.hits.length === 0) return t("org.search.none", { query: s.query });
        return [
          tp("org.search.hits", s.hits.length, { query: s.query }),
          s.hits.length >= resultLimit ? t("org.search.capped", { count: s.hits.length }) : "",
        ]
          .filter(Boolean)
          .join(" ");
    }
  };

  // Arrow keys move between the search box and the results; Tab works as usual.
  const links = () => Array.from(resultList?.querySelectorAll<HTMLAnchorElement>("a") ?? []);
  const onInputKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown") {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  const onResultKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? all[index + 1] : all[index - 1];
    if (next) next.focus();
    else if (event.key === "ArrowUp") document.getElementById("org-search")?.focus();
  };

  return (
    <section class="form-panel search" aria-labelledby="org-search-title">
      <h2 id="org-search-title">{t("org.search.title")}</h2>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            search(text());
          }}
        >
          <Field
            id="org-search"
            label={t("org.search.label")}
            hint={t("org.search.hint")}
            action={<SubmitButton>{t("org.search.submit")}</SubmitButton>}
          >
            {(control) => (
              <input
                {...control}
                type="search"
                data-testid="org-search"
                value={text()}
                onInput={(event) => onInput(event.currentTarget.value)}
                onKeyDown={onInputKeyDown}
                aria-controls="org-search-results"
                autocomplete="off"
                spellcheck={false}
                maxLength={maxQueryLength}
                enterkeyhint="search"
              />
            )}
          </Field>
        </form>
      </search>
      <p class="search-status" role="status" aria-live="polite">
        {status()}
      </p>
      <div id="org-search-results" data-testid="org-search-results" aria-busy={state().status === "loading"}>
        <Show when={hits().length > 0}>
          <ul class="plain-list result-list" aria-label={t("org.search.resultsLabel")} ref={resultList}>
            <For each={hits()}>
              {(hit) => (
                <li class="result-item">
                  <a class="result-link" href={groupHref(hit)} onKeyDown={onResultKeyDown}>
                    <span class="result-name">{hit.name}</span>{" "}
                    <span class="meta result-meta">
                      <span>{kindLabel(hit.kind)}</span>
                      <Show when={hit.parent?.kind !== "national" ? hit.parent : undefined}>
                        {(parent) => (
                          <>
                            {" "}
                            <span>{t("org.search.in", { parent: parent().name })}</span>
                          </>
                        )}
                      </Show>
                    </span>
                  </a>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </section>
  );
}
