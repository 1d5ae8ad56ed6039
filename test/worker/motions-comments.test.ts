import { toBase64 } from "lib0/buffer";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { editDocument, loadDocument } from "../../worker/rooms/documents";
import type { MotionCommentList, MotionCommentThread, MotionDetail } from "../../worker/shared/motions";
import { motionFields } from "../../worker/shared/motions";
import { api, env, errorBody } from "./helpers";
import {
  anchorOn as anchorOnShared,
  draft,
  get,
  json,
  motivationText,
  post,
  setUp,
} from "./motions-fixtures";

/**
 * Comment threads anchored to passages of a motion's live text, on real D1 and the real
 * room: the anchor is a pair of Yjs relative positions, so it follows its words when the
 * server (through the room API) inserts text before them; names stay in D1.
 */

const text = {
  title: "Kvällsöppna bibliotek",
  motivation: ["Många som arbetar dagtid hinner aldrig till biblioteket före stängning."],
  proposals: ["biblioteken håller öppet till klockan tjugo"],
};
const word = "hinner aldrig";

let motion: MotionDetail;
const path = (rest = "") => `/api/motions/${motion.id}/comments${rest}`;
const storedComments = async () =>
  (
    await env.DB.prepare("SELECT * FROM motion_comments WHERE motion_id = ? ORDER BY id")
      .bind(motion.id)
      .all()
  ).results;

/** An anchor on `passage` in the motivation, encoded as the web encodes it. */
const anchorOn = (passage: string) => anchorOnShared(motion.documentId, passage);

const threads = async (person = "demo-hanna") =>
  (await json<MotionCommentList>(await get(path(), person))).threads;

beforeAll(async () => {
  await setUp(["demo-hanna", "demo-bengt", "demo-cecilia", "demo-david"]);
  motion = await draft("demo-hanna", text);
});

describe("comments on a draft", () => {
  it("are for its authors only: the board learns nothing (404)", async () => {
    const anchor = await anchorOn(word);
    expect((await post(path(), "demo-bengt", { ...anchor, body: "Hej" })).status).toBe(404);
    expect((await get(path(), "demo-bengt")).status).toBe(404);
    expect((await api(path())).status).toBe(401);
    expect(await storedComments()).toEqual([]);
  });

  it("start a thread on a passage, quoted by the server, with the author's name from D1", async () => {
    const thread = await json<MotionCommentThread>(
      await post(path(), "demo-hanna", { ...(await anchorOn(word)), body: "Stämmer det här?" }),
      201,
    );
    const at = text.motivation[0]?.indexOf(word) ?? -1;
    expect(thread).toMatchObject({
      field: "motivation",
      quote: word,
      current: { start: at, end: at + word.length, text: word },
      resolved: false,
      comments: [{ author: { id: "demo-hanna", name: "Hanna Test" }, body: "Stämmer det här?" }],
    });
    // Authorship lives in D1: the live document holds no name.
    const state = Y.encodeStateAsUpdate(await loadDocument(env, motion.documentId));
    expect(new TextDecoder().decode(state)).not.toContain("Hanna");
  });

  it("keep their anchor on the same words when text is inserted before them", async () => {
    const inserted = "Enligt en enkät i höstas: ";
    await editDocument(env, motion.documentId, (doc) => motivationText(doc).insert(0, inserted));
    const [thread] = await threads();
    const at = inserted.length + (text.motivation[0]?.indexOf(word) ?? -1);
    expect(thread?.current).toEqual({ start: at, end: at + word.length, text: word });
    expect(thread?.quote).toBe(word);
  });

  it("refuse an anchor that does not resolve in the motion's text, and store nothing", async () => {
    const before = await storedComments();
    const good = await anchorOn(word);
    const elsewhere = new Y.Doc();
    const foreign = elsewhere.getXmlFragment(motionFields.motivation);
    const paragraph = new Y.XmlElement("paragraph");
    foreign.insert(0, [paragraph]);
    const foreignText = new Y.XmlText("främmande text");
    paragraph.insert(0, [foreignText]);
    const foreignPosition = (i: number) =>
      toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(foreignText, i)));
    const cases = [
      { ...good, start: "bm90IGEgcG9zaXRpb24=" },
      { ...good, field: "proposal:nosuchkey" },
      { ...good, field: motionFields.title },
      { ...good, end: good.start },
      { ...good, start: good.end, end: good.start },
      { field: motionFields.motivation, start: foreignPosition(1), end: foreignPosition(5) },
    ];
    for (const anchor of cases) {
      const res = await post(path(), "demo-hanna", { ...anchor, body: "x" });
      expect(res.status, JSON.stringify(anchor)).toBe(422);
      expect((await errorBody(res)).code).toBe("motion_comment_anchor_invalid");
    }
    expect(await storedComments()).toEqual(before);
  });
});

describe("threads once the motion is open to the group", () => {
  let thread: MotionCommentThread;

  beforeAll(async () => {
    await json(await post(`/api/motions/${motion.id}/open`, "demo-hanna"));
    [thread] = (await threads()) as [MotionCommentThread];
  });

  it("take replies from the group's members, in order, with their names", async () => {
    const replied = await json<MotionCommentThread>(
      await post(path(`/${thread.id}/replies`), "demo-cecilia", { body: "Ja, enligt enkäten." }),
    );
    expect(replied.comments.map((c) => [c.author.name, c.body])).toEqual([
      ["Hanna Test", "Stämmer det här?"],
      ["Cecilia Ahmadi", "Ja, enligt enkäten."],
    ]);
    expect((await post(path(`/${thread.id}/replies`), "demo-david", { body: "x" })).status).toBe(404);
    // A reply is not a thread: it cannot be replied to.
    const replyId = replied.comments[1]?.id ?? 0;
    expect((await post(path(`/${replyId}/replies`), "demo-cecilia", { body: "x" })).status).toBe(404);
  });

  it("are resolved and reopened, saying by whom", async () => {
    const resolved = await json<MotionCommentThread>(
      await post(path(`/${thread.id}/resolution`), "demo-bengt", { resolved: true }),
    );
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: { id: "demo-bengt" } });
    expect(resolved.resolvedAt).toBeGreaterThan(0);
    const reopened = await json<MotionCommentThread>(
      await post(path(`/${thread.id}/resolution`), "demo-hanna", { resolved: false }),
    );
    expect(reopened).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  it("belong to their motion: another motion's path does not reach them", async () => {
    const other = await draft("demo-hanna", { ...text, title: "En annan motion" });
    const res = await post(`/api/motions/${other.id}/comments/${thread.id}/replies`, "demo-hanna", {
      body: "x",
    });
    expect(res.status).toBe(404);
  });

  it("lose their current position, not their quote, when the passage is deleted", async () => {
    await editDocument(env, motion.documentId, (doc) => {
      const node = motivationText(doc);
      node.delete(0, node.length);
      node.insert(0, "Helt ny text.");
    });
    const [after] = await threads("demo-cecilia");
    expect(after).toMatchObject({ quote: word, current: null });
  });
});
