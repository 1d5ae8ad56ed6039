import { and, eq, isNull } from "drizzle-orm";
import { toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { findGroup } from "../access/groups";
import type { Db } from "../db/client";
import { loadDocument } from "../rooms/documents";
import {
  type MotionKind,
  type MotionOutcome,
  type MotionState,
  motionDocumentId,
  motionFields,
  newProposalKey,
} from "../shared/motions";
import type { GroupKind } from "../shared/org";
import { proposeAmendment } from "./amendments";
import { reply, startThread } from "./comments";
import { paragraphs, writeMotionText } from "./document";
import {
  addCoauthor,
  conclude,
  createMotion,
  createPeriod,
  openForSupport,
  recordDecision,
  submit,
  support,
  writeStatement,
} from "./lifecycle";
import { findVersion, openPeriodOf, versionView } from "./queries";
import { type FoundMotion, findMotion } from "./resource";
import { motions } from "./schema";

/**
 * Demo motions in every state, in the demo people's groups (worker/identity/seed/people.json),
 * taken through the same steps as the routes (without asking the table: Kiruna and Södermalm
 * have no board among the demo people). Idempotent: a motion already there is left alone.
 */

interface DemoMotion {
  group: { kind: GroupKind; slug: string };
  kind?: MotionKind;
  author: string;
  coauthors?: string[];
  supporters?: string[];
  /** How far along its life the seed takes it. */
  until: MotionState;
  title: string;
  motivation: string[];
  proposals: string[];
  /** Amendments to the submitted version: lines of the motivation's first paragraph (0 its first line), `from` replaced by `to`. */
  amendments?: { by: string; lines: [number, number]; from: string; to: string }[];
  /** A comment thread on a passage of the motivation's first paragraph, with replies. */
  thread?: { on: string; comments: { by: string; body: string }[] };
}

type MotionRecord = FoundMotion["record"];

const goteborg = { kind: "branch", slug: "goteborg" } as const;

const demoMotions: DemoMotion[] = [
  {
    group: goteborg,
    author: "demo-cecilia",
    until: "draft",
    title: "Fler bänkar längs älven",
    motivation: [
      "Längs älvstranden finns nästan ingenstans att sitta ner, vilket gör promenaden svår för äldre.",
    ],
    proposals: ["arbetarekommunen verkar för att kommunen sätter upp fler bänkar längs älvstranden"],
  },
  {
    group: goteborg,
    kind: "idea",
    author: "demo-bengt",
    until: "draft",
    title: "Idé: biblioteken öppna på kvällarna",
    motivation: ["Många som arbetar dagtid hinner aldrig till biblioteket. Vad skulle kvällsöppet kosta?"],
    proposals: [],
  },
  {
    group: goteborg,
    author: "demo-cecilia",
    coauthors: ["demo-bengt"],
    until: "collecting",
    title: "Avgiftsfri kollektivtrafik för unga",
    motivation: [
      "Unga som saknar egen inkomst stängs ute från fritidsaktiviteter i andra stadsdelar.",
      "Avgiftsfri kollektivtrafik upp till 20 år har prövats med gott resultat i flera kommuner.",
    ],
    proposals: [
      "arbetarekommunen verkar för avgiftsfri kollektivtrafik för alla under 20 år",
      "frågan lyfts till partidistriktets program för nästa mandatperiod",
    ],
  },
  {
    group: goteborg,
    author: "demo-bengt",
    supporters: ["demo-cecilia"],
    until: "submitted",
    title: "Säkra cykelvägar till skolan",
    motivation: ["Föräldrar skjutsar barnen med bil eftersom cykelvägarna korsar trafikerade gator."],
    proposals: [
      "arbetarekommunen verkar för separerade cykelvägar till varje grundskola",
      "trafiksäkerheten vid skolorna följs upp varje år",
    ],
    // Two amendments to the same line: shown as a conflict for the board to decide.
    amendments: [
      { by: "demo-cecilia", lines: [0, 0], from: "med bil", to: "med bil varje morgon" },
      { by: "demo-bengt", lines: [0, 1], from: "Föräldrar skjutsar", to: "Många föräldrar skjutsar" },
    ],
    thread: {
      on: "korsar trafikerade gator",
      comments: [
        { by: "demo-cecilia", body: "Vilka korsningar gäller det?" },
        { by: "demo-bengt", body: "Främst vid Linnéskolan och Oscar Fredriks skola." },
      ],
    },
  },
  {
    group: goteborg,
    author: "demo-cecilia",
    until: "answered",
    title: "Solceller på kommunens tak",
    motivation: ["Kommunens skolor och förvaltningsbyggnader har stora tak som kan producera el."],
    proposals: ["kommunen inventerar vilka tak som lämpar sig för solceller"],
  },
  {
    group: goteborg,
    author: "demo-bengt",
    until: "decided",
    title: "Fritidsgårdar öppna på helgerna",
    motivation: ["Fritidsgårdarna stänger när ungdomarna behöver dem som mest: fredag och lördag kväll."],
    proposals: ["fritidsgårdarna håller öppet fredag och lördag kväll", "fler fritidsledare anställs"],
  },
  {
    group: goteborg,
    author: "demo-cecilia",
    until: "rejected",
    title: "Ny färgsättning av partilokalen",
    motivation: ["Lokalen har inte målats om sedan 1980-talet."],
    proposals: ["partilokalen målas om i ljusare färger"],
  },
  {
    group: { kind: "branch", slug: "kiruna" },
    author: "demo-farid",
    coauthors: ["demo-elin"],
    until: "adopted",
    title: "Nattåg till Kiruna året runt",
    motivation: [
      "Nattåget är den enda rimliga förbindelsen söderut för den som inte vill flyga.",
      "Trafiken har dragits ned flera vintrar i rad, när den behövs som mest.",
    ],
    proposals: [
      "partidistriktet verkar för att nattågstrafiken till Kiruna garanteras året runt",
      "staten tar ett större ansvar för upphandlingen av nattåg i norra Sverige",
    ],
  },
  {
    group: { kind: "association", slug: "s-foreningen-sodermalm" },
    author: "demo-david",
    until: "sent_on",
    title: "Fler hyresrätter på Södermalm",
    motivation: ["Nästan all nyproduktion i stadsdelen de senaste tio åren har varit bostadsrätter."],
    proposals: ["arbetarekommunen verkar för att minst hälften av nyproduktionen blir hyresrätter"],
  },
];

const lifeOrder: MotionState[] = ["draft", "collecting", "submitted", "answered", "decided"];
const reaches = (motion: DemoMotion, state: MotionState) =>
  lifeOrder.indexOf(state) <= (lifeOrder.includes(motion.until) ? lifeOrder.indexOf(motion.until) : 99);
const outcomes: Partial<Record<MotionState, MotionOutcome>> = {
  adopted: "adopt",
  sent_on: "send_on",
  rejected: "reject",
};

const dayMs = 24 * 60 * 60 * 1000;

/** The group's open motion period, opened for the demo if it has none. */
async function demoPeriod(db: Db, groupId: number): Promise<number> {
  const open = await openPeriodOf(db, groupId);
  if (open) return open.id;
  return createPeriod(
    db,
    groupId,
    {
      title: "Motionstid inför årsmötet",
      deadline: Date.now() + 90 * dayMs,
      minSupporters: 0,
      acceptsMemberMotions: true,
      lineLength: 80,
    },
    null,
  );
}

async function seedOne(env: Env, db: Db, demo: DemoMotion): Promise<boolean> {
  const group = await findGroup(db, demo.group);
  if (!group) return false;
  const [existing] = await db
    .select({ id: motions.id })
    .from(motions)
    .where(and(eq(motions.groupId, group.groupId), eq(motions.title, demo.title), isNull(motions.originId)));
  if (existing) return false;

  const id = await createMotion(env, db, {
    groupId: group.groupId,
    kind: demo.kind ?? "motion",
    title: demo.title,
    personId: demo.author,
  });
  await writeMotionText(env, id, {
    title: demo.title,
    motivation: paragraphs(demo.motivation),
    proposals: demo.proposals.map((text) => ({ key: newProposalKey(), json: paragraphs([text]) })),
  });
  const record = async () => {
    const found = await findMotion(db, id);
    if (!found) throw new Error(`demo motion ${id} vanished`);
    return found.record;
  };
  for (const person of demo.coauthors ?? []) await addCoauthor(db, await record(), person);
  if (demo.until === "draft") return true;

  await openForSupport(db, await record());
  for (const person of demo.supporters ?? []) await support(db, await record(), person);
  if (demo.until === "collecting") return true;

  await submit(env, db, await record(), await demoPeriod(db, group.groupId), null);
  await amendAndComment(env, db, await record(), demo);
  const approveAll = demo.proposals.map(() => ({ verdict: "approve" as const }));
  if (reaches(demo, "answered")) {
    await writeStatement(
      db,
      await record(),
      { text: "Styrelsen delar motionärens uppfattning.", proposals: approveAll },
      null,
    );
  }
  if (reaches(demo, "decided")) {
    await recordDecision(db, await record(), approveAll, null);
  }
  const outcome = outcomes[demo.until];
  if (outcome) {
    const parentPeriodFor = group.path[1];
    if (parentPeriodFor !== undefined && outcome !== "reject") await demoPeriod(db, parentPeriodFor);
    await conclude(env, db, await record(), outcome, null);
  }
  return true;
}

/** The demo's amendments to its submitted version and its comment thread, through the same functions as the routes. */
async function amendAndComment(env: Env, db: Db, motion: MotionRecord, demo: DemoMotion): Promise<void> {
  const row = await findVersion(db, motion.id, 1);
  const version = row && versionView(row);
  const first = version?.lines.find((l) => l.part === "motivation")?.number ?? 0;
  for (const a of demo.amendments ?? []) {
    const lines = version?.lines.slice(first + a.lines[0] - 1, first + a.lines[1]) ?? [];
    const text = lines
      .map((l) => l.text)
      .join(" ")
      .replace(a.from, a.to);
    const range = { firstLine: first + a.lines[0], lastLine: first + a.lines[1] };
    await proposeAmendment(db, motion, { version: 1, ...range, text, reason: "" }, a.by);
  }
  if (!demo.thread) return;
  const doc = await loadDocument(env, motionDocumentId(motion.id));
  const paragraph = doc.getXmlFragment(motionFields.motivation).get(0) as Y.XmlElement;
  const words = paragraph.get(0) as Y.XmlText;
  const at = words.toString().indexOf(demo.thread.on);
  const position = (i: number) =>
    toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, i)));
  const [opening, ...replies] = demo.thread.comments;
  if (!opening || at < 0) return;
  const anchor = {
    field: motionFields.motivation,
    start: position(at),
    end: position(at + demo.thread.on.length),
  };
  const threadId = await startThread(env, db, motion.id, { ...anchor, body: opening.body }, opening.by);
  for (const r of replies) await reply(db, motion.id, threadId, r.body, r.by);
}

/** Seeds the demo motions that are missing; returns how many it created. */
export async function seedDemoMotions(env: Env, db: Db): Promise<number> {
  let created = 0;
  for (const demo of demoMotions) if (await seedOne(env, db, demo)) created++;
  return created;
}
