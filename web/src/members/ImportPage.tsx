import { useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import type {
  ImportEncoding,
  ImportProgress,
  MemberImport,
  RefusedRow,
} from "../../../worker/shared/members";
import { call, client, errorCode, failedWith } from "../api/client";
import { kindLabel, t, tp } from "../i18n";
import { loginHref } from "../identity/next";
import { SessionProblem } from "../identity/SessionProblem";
import { currentPerson, loadSession, sessionStatus } from "../identity/session";
import { ErrorAlert, Field, SubmitButton } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { usePageTitle } from "../ui/title";
import { type ImportGroupChoice, importGroups, importPath } from "./links";
import { reasonLabel } from "./reasons";
import "./ImportPage.css";

/**
 * `/members/import`, "Importera medlemmar": a welcome officer (for her branch) or a
 * national administrator (for the whole party) uploads a CSV file from the member
 * register, reviews what can be imported and what was refused and why, then imports
 * with a progress bar; the browser applies the file a chunk at a time. The import's id
 * stays in the address (`?import=…`), so a reload or a lost connection can carry on.
 */
export default function ImportPage() {
  usePageTitle(() => t("import.title"));
  void loadSession();
  const choices = createMemo(() => {
    const me = currentPerson();
    return me ? importGroups(me) : [];
  });
  return (
    <article class="narrow-page">
      <h1>{t("import.title")}</h1>
      <Switch>
        <Match when={sessionStatus() === "loading"}>
          <Loading />
        </Match>
        <Match when={sessionStatus() === "error"}>
          <SessionProblem />
        </Match>
        <Match when={!currentPerson()}>
          <p data-testid="import-not-logged-in">{t("import.notLoggedIn")}</p>
          <p>
            <a class="button" href={loginHref(importPath)}>
              {t("import.login")}
            </a>
          </p>
        </Match>
        <Match when={choices().length === 0}>
          <p data-testid="import-not-allowed">{t("import.notAllowed")}</p>
        </Match>
        <Match when={choices().length > 0}>
          <Importer choices={choices()} />
        </Match>
      </Switch>
    </article>
  );
}

type Phase = "choose" | "uploading" | "review" | "applying" | "interrupted" | "done";

const encodingNames: Record<ImportEncoding, string> = { "utf-8": "UTF-8", "windows-1252": "Windows-1252" };

function choiceLabel(choice: ImportGroupChoice): string {
  if (choice.group.kind === "national") return t("import.group.national");
  return t("import.group.option", { name: choice.group.name, kind: kindLabel(choice.group.kind) });
}

function Importer(props: { choices: ImportGroupChoice[] }) {
  const [search, setSearch] = useSearchParams<{ import?: string }>();
  const [group, setGroup] = createSignal(props.choices[0]?.value ?? "");
  const [file, setFile] = createSignal<File>();
  const [fileMissing, setFileMissing] = createSignal(false);
  const [phase, setPhase] = createSignal<Phase>("choose");
  const [imported, setImported] = createSignal<MemberImport>();
  const [progress, setProgress] = createSignal<ImportProgress>();
  const [failure, setFailure] = createSignal<string>();
  let fileInput: HTMLInputElement | undefined;
  let reviewHeading: HTMLHeadingElement | undefined;
  let doneHeading: HTMLHeadingElement | undefined;

  const show = (found: MemberImport) => {
    setImported(found);
    setProgress({
      applied: found.appliedRows,
      refused: found.refusedRows,
      total: found.totalRows,
      done: found.status === "done",
    });
    setPhase(found.status === "done" ? "done" : found.status === "applying" ? "interrupted" : "review");
  };

  // Back to an import in the address (after a reload): show where it stands.
  onMount(async () => {
    const id = search.import;
    if (!id) return;
    setPhase("uploading");
    try {
      show(await call(client.api.members.imports[":id"].$get({ param: { id } })));
    } catch (error) {
      setSearch({ import: undefined }, { replace: true });
      setPhase("choose");
      if (!failedWith(error, 400, 403, 404)) setFailure(errorCode(error));
    }
  });

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    if (phase() === "uploading") return;
    const chosen = file();
    setFailure(undefined);
    if (!chosen) {
      setFileMissing(true);
      fileInput?.focus();
      return;
    }
    setFileMissing(false);
    setPhase("uploading");
    try {
      const result = await call(
        client.api.members.imports.$post(
          { query: { group: group() } },
          { headers: { "Content-Type": "text/csv" }, init: { body: chosen } },
        ),
      );
      show(result);
      setSearch({ import: result.id }, { replace: true });
      queueMicrotask(() => reviewHeading?.focus());
    } catch (error) {
      setFailure(errorCode(error));
      setPhase("choose");
    }
  };

  const apply = async () => {
    const current = imported();
    if (!current || phase() === "applying") return;
    setFailure(undefined);
    setPhase("applying");
    try {
      for (;;) {
        const step = await call(client.api.members.imports[":id"].apply.$post({ param: { id: current.id } }));
        setProgress(step);
        if (step.done) break;
      }
      setPhase("done");
      queueMicrotask(() => doneHeading?.focus());
    } catch (error) {
      setFailure(errorCode(error));
      setPhase("interrupted");
    }
  };

  const startOver = () => {
    setImported(undefined);
    setProgress(undefined);
    setFile(undefined);
    setFailure(undefined);
    setPhase("choose");
    setSearch({ import: undefined }, { replace: true });
    queueMicrotask(() => fileInput?.focus());
  };

  const valid = () => {
    const found = imported();
    return found ? found.totalRows - found.refusedRows : 0;
  };

  return (
    <>
      <Show when={phase() === "choose" || phase() === "uploading"}>
        <p class="lead">{t("import.lead")}</p>
        <form
          class="form-panel import-form"
          onSubmit={upload}
          novalidate
          aria-busy={phase() === "uploading" ? "true" : undefined}
        >
          <Field id="import-group" label={t("import.group.label")} hint={t("import.group.hint")}>
            {(control) => (
              <select {...control} name="group" onChange={(event) => setGroup(event.currentTarget.value)}>
                <For each={props.choices}>
                  {(choice) => (
                    <option value={choice.value} selected={choice.value === group()}>
                      {choiceLabel(choice)}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field
            id="import-file"
            label={t("import.file.label")}
            hint={t("import.file.hint")}
            error={fileMissing() && t("import.file.missing")}
            required
          >
            {(control) => (
              <input
                ref={fileInput}
                {...control}
                name="file"
                type="file"
                accept=".csv,text/csv"
                onChange={(event) => {
                  setFile(event.currentTarget.files?.[0]);
                  if (event.currentTarget.files?.length) setFileMissing(false);
                }}
              />
            )}
          </Field>
          <SubmitButton busy={phase() === "uploading"} busyLabel={t("import.uploading")}>
            {t("import.upload")}
          </SubmitButton>
        </form>
      </Show>

      <ErrorAlert code={failure()} testId="import-error" />

      <Show when={phase() !== "choose" && phase() !== "uploading" ? imported() : undefined}>
        {(found) => (
          <Switch>
            <Match when={phase() === "done"}>
              <section class="import-done" aria-labelledby="import-done-title" data-testid="import-summary">
                <h2 id="import-done-title" tabindex="-1" ref={doneHeading}>
                  {t("import.done.title")}
                </h2>
                <div class="success">
                  <p>{tp("import.done.applied", progress()?.applied ?? found().appliedRows)}</p>
                  <p>{t("import.done.how")}</p>
                  <Show when={found().refusedRows > 0}>
                    <p>{tp("import.done.refused", found().refusedRows)}</p>
                  </Show>
                </div>
                <RefusedRows found={found()} done />
                <p>
                  <button type="button" class="button button-secondary" onClick={startOver}>
                    {t("import.again")}
                  </button>
                </p>
              </section>
            </Match>
            <Match when={phase() !== "done"}>
              <section class="import-review" aria-labelledby="import-review-title">
                <h2 id="import-review-title" tabindex="-1" ref={reviewHeading}>
                  {t("import.review.title")}
                </h2>
                <p>{t("import.review.group", { group: choiceLabel({ value: "", group: found().group }) })}</p>
                <ul class="plain-list import-counts" data-testid="import-counts">
                  <li class="import-count">{tp("import.count.rows", found().totalRows)}</li>
                  <li class="import-count">{tp("import.count.valid", valid())}</li>
                  <li class="import-count">{tp("import.count.refused", found().refusedRows)}</li>
                </ul>
                <p class="meta">
                  {t("import.review.format", {
                    encoding: encodingNames[found().encoding] ?? found().encoding,
                    delimiter:
                      found().delimiter === ";"
                        ? t("import.delimiter.semicolon")
                        : t("import.delimiter.comma"),
                  })}
                </p>
                <Show when={found().ignoredColumns.length > 0}>
                  <p class="meta">
                    {t("import.review.ignored", { columns: found().ignoredColumns.join(", ") })}
                  </p>
                </Show>
                <RefusedRows found={found()} />

                <Show when={phase() === "review"}>
                  <p>{t("import.review.nothingSaved")}</p>
                  <Show when={valid() > 0} fallback={<p class="notice">{t("import.apply.none")}</p>}>
                    <div class="actions">
                      <button type="button" class="button" onClick={apply} data-testid="import-apply">
                        {tp("import.apply", valid())}
                      </button>
                      <button type="button" class="link-button" onClick={startOver}>
                        {t("import.chooseAnother")}
                      </button>
                    </div>
                  </Show>
                </Show>

                <Show when={phase() === "applying" || phase() === "interrupted"}>
                  <div class="import-progress">
                    <label class="field-label" for="import-progress">
                      {t("import.progress.label")}
                    </label>
                    <progress
                      id="import-progress"
                      max={Math.max(valid(), 1)}
                      value={progress()?.applied ?? 0}
                      aria-describedby="import-progress-status"
                    />
                    <p
                      id="import-progress-status"
                      role="status"
                      aria-live="polite"
                      data-testid="import-progress"
                    >
                      {t("import.progress.status", { applied: progress()?.applied ?? 0, valid: valid() })}
                    </p>
                  </div>
                  <Show when={phase() === "interrupted"}>
                    <button type="button" class="button" onClick={apply}>
                      {t("import.resume")}
                    </button>
                  </Show>
                </Show>
              </section>
            </Match>
          </Switch>
        )}
      </Show>
    </>
  );
}

function RefusedRows(props: { found: MemberImport; done?: boolean }) {
  const shown = (): RefusedRow[] => props.found.refused;
  return (
    <Show when={shown().length > 0}>
      <section class="import-refused" aria-labelledby="import-refused-title">
        <h3 id="import-refused-title">{t("import.refused.title")}</h3>
        <p class="hint">{t(props.done ? "import.refused.fixAfter" : "import.refused.fix")}</p>
        <table class="data-table refused-table" data-testid="refused-rows">
          <caption class="visually-hidden">{t("import.refused.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.refused.row")}</th>
              <th scope="col">{t("import.refused.reason")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(refused) => (
                <tr>
                  <th scope="row">{String(refused.row)}</th>
                  <td>{reasonLabel(refused.reason)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={props.found.refusedRows > shown().length}>
          <p class="meta">
            {t("import.refused.more", { shown: shown().length, count: props.found.refusedRows })}
          </p>
        </Show>
      </section>
    </Show>
  );
}
