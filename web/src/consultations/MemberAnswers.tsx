import { createResource, createSignal, For, Show } from "solid-js";
import type { ConsultationView, IndividualAnswerRow } from "../../../worker/shared/consultations";
import { call, client } from "../api/client";
import { t } from "../i18n";
import "./messages.sv";
import { createRequest } from "../motions/action";
import { ErrorAlert, SubmitButton } from "../ui/Form";
import { AnswerItems } from "./AnswerItems";
import { CountedList, MoreButton, SearchField } from "./ListControls";
import { formatSwedishTime } from "./time";

const pageSize = 50;

/**
 * Members' own answers in the reading room, where the consultation asks for them: who in
 * which group answered what, searched in their texts, a page at a time. The Worker gives a
 * district's board its own groups' members only.
 */
export function MemberAnswers(props: { consultation: ConsultationView }) {
  const id = () => String(props.consultation.id);
  const [q, setQ] = createSignal("");
  const [search, setSearch] = createSignal("");
  const [more, setMore] = createSignal<IndividualAnswerRow[]>([]);
  const query = (text: string, offset: number) => ({
    ...(text ? { q: text } : {}),
    limit: String(pageSize),
    offset: String(offset),
  });
  const fetchPage = (text: string, offset: number) =>
    call(
      client.api.consultations[":id"]["individual-answers"].$get({
        param: { id: id() },
        query: query(text, offset),
      }),
    );
  const [page] = createResource(search, (text) => fetchPage(text, 0));
  const loadingMore = createRequest();
  const rows = () => [...(page.latest?.answers ?? []), ...more()];

  return (
    <section aria-labelledby="members-title" class="results-section" data-testid="member-answers">
      <h2 id="members-title">{t("consultations.members.title")}</h2>
      <form
        class="answer-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setMore([]);
          setSearch(q().trim());
        }}
      >
        <SearchField id="members-q" label={t("consultations.members.search")} value={q()} onInput={setQ} />
        <SubmitButton testId="search-members">{t("consultations.answers.show")}</SubmitButton>
      </form>
      <CountedList page={page} countTestId="member-count">
        {(list) => (
          <>
            <ul class="plain-list answer-list">
              <For each={rows()}>
                {(row) => (
                  <li class="item-card answer-card" data-testid="member-answer">
                    <p class="answer-card-head">
                      <strong>{row.person.name ?? t("consultations.members.former")}</strong>
                      <span class="meta">
                        {" · "}
                        {row.group.name}
                        <Show when={row.district}>{(d) => ` · ${d().name}`}</Show>
                        {" · "}
                        {formatSwedishTime(row.updatedAt)}
                      </span>
                    </p>
                    <AnswerItems questions={props.consultation.questions} items={row.items} />
                  </li>
                )}
              </For>
            </ul>
            <Show when={rows().length < list().total}>
              <MoreButton
                busy={loadingMore.busy()}
                onClick={() =>
                  loadingMore.run(async () => {
                    const next = await fetchPage(search(), rows().length);
                    setMore([...more(), ...next.answers]);
                  })
                }
              />
            </Show>
            <ErrorAlert code={loadingMore.failure()} />
          </>
        )}
      </CountedList>
    </section>
  );
}
