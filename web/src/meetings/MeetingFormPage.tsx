import { useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import {
  type MeetingAccess,
  type MeetingOfficerRole,
  type MeetingOfficers,
  type MeetingTemplate,
  type MeetingView,
  meetingOfficerRoles,
  meetingTemplates,
  meetingTitleMaxLength,
  type PersonRef,
} from "../../../worker/shared/meetings";
import { stockholmToUtc } from "../../../worker/shared/stockholm";
import { call, client } from "../api/client";
import { t } from "../i18n";
import { loadSession } from "../identity/session";
import { createRequest } from "../motions/action";
import { groupParam } from "../motions/links";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NotFound } from "../ui/NotFound";
import { type FoundPerson, PersonSearch } from "../ui/PersonSearch";
import { ToggleButton } from "../ui/ToggleButton";
import { usePageTitle } from "../ui/title";
import { AgendaEditor, type DraftItem } from "./AgendaEditor";
import { accessLabel, templateLabel } from "./labels";
import { meetingHref } from "./links";
import { type LoadedMeeting, loadMeeting } from "./load";
import { createRulesDraft, MeetingRules } from "./MeetingRules";
import { stockholmLocal } from "./time";
import "./MeetingForm.css";

/** `/meetings/new?group=branch:goteborg`: plan a meeting for a group (its chair or secretary). */
export function NewMeetingPage() {
  void loadSession();
  usePageTitle(() => t("meetings.new.title"));
  const [search] = useSearchParams<{ group?: string }>();
  return (
    <Show when={search.group} fallback={<NotFound reason="group" />}>
      {(group) => <MeetingForm group={group()} />}
    </Show>
  );
}

/** `/meetings/:id/edit`: change a planned meeting (until it opens). */
export function EditMeetingPage() {
  void loadSession();
  const params = useParams<{ id: string }>();
  const [loaded] = createResource(() => params.id ?? "", loadMeeting);
  usePageTitle(() => t("meetings.edit.title"));
  return (
    <Switch fallback={<Loading />}>
      <Match when={loaded.error}>
        <ErrorAlert code="internal" />
      </Match>
      <Match when={loaded() && !("meeting" in (loaded() as LoadedMeeting))}>
        <NotFound reason="page" />
      </Match>
      <Match when={(loaded() as { meeting?: MeetingView } | undefined)?.meeting}>
        {(meeting) => <MeetingForm meeting={meeting()} />}
      </Match>
    </Switch>
  );
}

/**
 * The meeting's plan: title, start and end (Stockholm time, as the party's meetings are
 * set), open to guests or members only, a video link, and the agenda. A new meeting also
 * takes a template, whose items the Worker puts before the ones written here; on the
 * meeting's edit page the whole agenda, template items included, can be changed.
 */
function MeetingForm(props: { group?: string; meeting?: MeetingView }) {
  const navigate = useNavigate();
  const existing = props.meeting;
  const [title, setTitle] = createSignal(existing?.title ?? "");
  const [startsAt, setStartsAt] = createSignal(existing ? stockholmLocal(existing.startsAt) : "");
  const [endsAt, setEndsAt] = createSignal(existing ? stockholmLocal(existing.endsAt) : "");
  const [access, setAccess] = createSignal<MeetingAccess>(existing?.access ?? "members");
  const [videoUrl, setVideoUrl] = createSignal(existing?.videoUrl ?? "");
  const [template, setTemplate] = createSignal<MeetingTemplate>("blank");
  const [agenda, setAgenda] = createSignal<DraftItem[]>(
    existing?.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      kind: item.kind,
      motionId: item.motion?.id ?? null,
      consultationId: item.consultation?.id ?? null,
    })) ?? [],
  );
  // Officers as planned; a new meeting's chair is its planner until another is picked (undefined).
  const [officers, setOfficers] = createSignal<PlannedOfficers>(
    existing?.officers ?? { chair: undefined, secretary: null, adjusters: [] },
  );
  const [officersChanged, setOfficersChanged] = createSignal(false);
  const changeOfficers = (next: PlannedOfficers) => {
    setOfficers(next);
    setOfficersChanged(true);
  };
  const rules = createRulesDraft(existing?.settings ?? { group: props.group ?? "" });
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const save = createRequest();

  const check = () => {
    const found: Record<string, string> = {};
    if (!title().trim()) found.title = t("meetings.form.titleMissing");
    const start = stockholmToUtc(startsAt());
    const end = stockholmToUtc(endsAt());
    if (start === null) found.startsAt = t("meetings.form.timeMissing");
    if (end === null) found.endsAt = t("meetings.form.timeMissing");
    else if (start !== null && end <= start) found.endsAt = t("meetings.form.endBeforeStart");
    if (videoUrl().trim() && !/^https:\/\/\S+$/.test(videoUrl().trim()))
      found.videoUrl = t("meetings.form.videoInvalid");
    if (agenda().some((item) => !item.title.trim())) found.agenda = t("meetings.form.agendaEmptyItem");
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  const submit = () => {
    const settings = rules.read();
    if (!check() || !settings) return;
    const fields = {
      title: title().trim(),
      startsAt: startsAt(),
      endsAt: endsAt(),
      access: access(),
      videoUrl: videoUrl().trim() || null,
      agenda: agenda().map((item) => ({ ...item, title: item.title.trim() })),
      // Sent only when changed: an officer who has since left the group must not stop other edits.
      ...(officersChanged() ? { officers: officerIds(officers()) } : {}),
      settings,
    };
    save.run(async () => {
      const saved = existing
        ? await call(client.api.meetings[":id"].$patch({ param: { id: String(existing.id) }, json: fields }))
        : await call(
            client.api.meetings.$post({
              query: { group: props.group ?? "" },
              json: { ...fields, template: template() },
            }),
          );
      navigate(meetingHref(saved.id));
    });
  };

  return (
    <article class="meeting-form-page">
      <h1>{existing ? t("meetings.edit.title") : t("meetings.new.title")}</h1>
      <Show when={existing}>{(m) => <p class="lead">{m().title}</p>}</Show>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id="meeting-title" label={t("meetings.form.title")} error={problems().title} required>
          {(control) => (
            <input
              {...control}
              maxLength={meetingTitleMaxLength}
              value={title()}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="meeting-times">
          <Field
            id="meeting-starts"
            label={t("meetings.form.startsAt")}
            hint={t("meetings.form.timeHint")}
            error={problems().startsAt}
            required
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={startsAt()}
                onInput={(e) => setStartsAt(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="meeting-ends"
            label={t("meetings.form.endsAt")}
            hint={t("meetings.form.timeHint")}
            error={problems().endsAt}
            required
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={endsAt()}
                onInput={(e) => setEndsAt(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <fieldset class="verdict-fieldset">
          <legend>{t("meetings.form.access")}</legend>
          <For each={["members", "open"] as const}>
            {(value) => (
              <label class="choice meeting-access-choice">
                <input
                  type="radio"
                  name="access"
                  value={value}
                  checked={access() === value}
                  onChange={() => setAccess(value)}
                />
                <span>
                  {accessLabel(value)}
                  <span class="hint meeting-access-hint">
                    {value === "open" ? t("meetings.form.openHint") : t("meetings.form.membersHint")}
                  </span>
                </span>
              </label>
            )}
          </For>
          <Show when={existing?.access === "open" && access() === "members"}>
            <p class="notice" role="status" data-testid="guests-withdrawn-notice">
              {t("meetings.form.guestsWithdrawn")}
            </p>
          </Show>
        </fieldset>
        <Field
          id="meeting-video"
          label={t("meetings.form.video")}
          hint={t("meetings.form.videoHint")}
          error={problems().videoUrl}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputmode="url"
              value={videoUrl()}
              onInput={(e) => setVideoUrl(e.currentTarget.value)}
            />
          )}
        </Field>
        <OfficerPicker
          officers={officers()}
          onChange={changeOfficers}
          search={(q) =>
            existing
              ? call(
                  client.api.meetings[":id"].candidates.$get({
                    param: { id: String(existing.id) },
                    query: { q },
                  }),
                )
              : call(client.api.meetings.candidates.$get({ query: { group: props.group ?? "", q } }))
          }
        />
        <Show when={!existing}>
          <Field
            id="meeting-template"
            label={t("meetings.form.template")}
            hint={t("meetings.form.templateHint")}
          >
            {(control) => (
              <select
                {...control}
                value={template()}
                onChange={(e) => setTemplate(e.currentTarget.value as MeetingTemplate)}
              >
                <For each={meetingTemplates}>
                  {(value) => <option value={value}>{templateLabel(value)}</option>}
                </For>
              </select>
            )}
          </Field>
        </Show>
        <AgendaEditor
          items={agenda()}
          onChange={setAgenda}
          group={existing ? groupParam(existing.group) : props.group}
        />
        <Show when={problems().agenda}>
          <p class="field-error" role="alert">
            {problems().agenda}
          </p>
        </Show>
        <MeetingRules
          id="meeting"
          form={rules}
          summary={t("meetings.rules.title")}
          hint={t("meetings.rules.formHint")}
        />
        <SubmitButton busy={save.busy()} busyLabel={t("meetings.form.saving")} testId="save-meeting">
          {existing ? t("meetings.form.save") : t("meetings.form.create")}
        </SubmitButton>
        <ErrorAlert code={save.failure()} testId="meeting-form-error" />
      </form>
    </article>
  );
}

type PlannedOfficers = Omit<MeetingOfficers, "chair"> & { chair: PersonRef | null | undefined };

/** The officers as the API takes them: ids; a chair left undefined is the planner. */
function officerIds(officers: PlannedOfficers) {
  return {
    ...(officers.chair !== undefined ? { chair: officers.chair?.id ?? null } : {}),
    secretary: officers.secretary?.id ?? null,
    adjusters: officers.adjusters.map((a) => a.id),
  };
}

/** As many adjusters as the plan takes (officersSchema). */
const maxAdjusters = 5;

const pickKeys = {
  chair: "meetings.form.pickChair",
  secretary: "meetings.form.pickSecretary",
  adjuster: "meetings.form.pickAdjuster",
} as const;

/**
 * The meeting's officers as planned (the meeting may elect others once it opens): who chairs,
 * who keeps the minutes, who approves them. One search for a member by name, and beside each
 * one found a button per role; the chosen are listed above it, each removable but the chair,
 * whom only another chair replaces (a meeting needs one to open). Each change is announced.
 */
function OfficerPicker(props: {
  officers: PlannedOfficers;
  onChange: (officers: PlannedOfficers) => void;
  search: (q: string) => Promise<FoundPerson[]>;
}) {
  const [said, setSaid] = createSignal("");
  const nameOf = (person: PersonRef) => person.name ?? t("meetings.formerMember");
  const announce = (role: MeetingOfficerRole, person: PersonRef) =>
    setSaid(t("meetings.participants.role", { role: t(`meetings.officer.${role}`), name: nameOf(person) }));
  const holds = (role: MeetingOfficerRole, id: string) =>
    role === "adjuster" ? props.officers.adjusters.some((a) => a.id === id) : props.officers[role]?.id === id;
  const pick = (role: MeetingOfficerRole, person: FoundPerson) => {
    const o = props.officers;
    props.onChange(
      role === "adjuster" ? { ...o, adjusters: [...o.adjusters, person] } : { ...o, [role]: person },
    );
    announce(role, person);
  };
  return (
    <fieldset class="verdict-fieldset" data-testid="meeting-officers">
      <legend>{t("meetings.form.officers")}</legend>
      <p class="hint">{t("meetings.form.officersHint")}</p>
      <dl class="meeting-officer-list">
        <div>
          <dt>{t("meetings.officer.chair")}</dt>
          <dd data-testid="planned-chair">
            {props.officers.chair === undefined
              ? t("meetings.form.chairIsPlanner")
              : props.officers.chair
                ? nameOf(props.officers.chair)
                : t("meetings.form.noneChosen")}
          </dd>
        </div>
        <div>
          <dt>{t("meetings.officer.secretary")}</dt>
          <dd data-testid="planned-secretary">
            <Show when={props.officers.secretary} fallback={t("meetings.form.noneChosen")}>
              {(secretary) => (
                <>
                  {nameOf(secretary())}{" "}
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t("meetings.form.removeOfficer", {
                      role: t("meetings.officer.secretary"),
                      name: nameOf(secretary()),
                    })}
                    onClick={() => {
                      setSaid(t("meetings.form.officerRemoved", { name: nameOf(secretary()) }));
                      props.onChange({ ...props.officers, secretary: null });
                    }}
                  >
                    {t("meetings.form.remove")}
                  </button>
                </>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t("meetings.officer.adjusters")}</dt>
          <dd data-testid="planned-adjusters">
            <Show when={props.officers.adjusters.length > 0} fallback={t("meetings.form.noneChosen")}>
              <ul class="plain-list">
                <For each={props.officers.adjusters}>
                  {(adjuster) => (
                    <li>
                      {nameOf(adjuster)}{" "}
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        aria-label={t("meetings.form.removeOfficer", {
                          role: t("meetings.officer.adjuster"),
                          name: nameOf(adjuster),
                        })}
                        onClick={() => {
                          props.onChange({
                            ...props.officers,
                            adjusters: props.officers.adjusters.filter((a) => a.id !== adjuster.id),
                          });
                          setSaid(t("meetings.form.officerRemoved", { name: nameOf(adjuster) }));
                        }}
                      >
                        {t("meetings.form.remove")}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </dd>
        </div>
      </dl>
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="officer-announcement">
        {said()}
      </p>
      <PersonSearch
        id="officer-search"
        label={t("meetings.form.officerSearch")}
        searchLabel={t("meetings.form.officerSearchButton")}
        resultsLabel={t("meetings.form.officerResults")}
        none={t("meetings.form.officerNone")}
        search={props.search}
        actions={(person) => (
          <span class="candidate-actions">
            <For each={meetingOfficerRoles}>
              {(role) => (
                <ToggleButton
                  label={t(pickKeys[role], { name: person.name })}
                  pressed={holds(role, person.id)}
                  disabled={
                    role === "adjuster" &&
                    (holds(role, person.id) || props.officers.adjusters.length >= maxAdjusters)
                  }
                  onToggle={() => pick(role, person)}
                >
                  {t(`meetings.officer.${role}`)}
                </ToggleButton>
              )}
            </For>
          </span>
        )}
      />
    </fieldset>
  );
}
