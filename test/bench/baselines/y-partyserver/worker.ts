/**
 * Baseline: the y-partyserver way to host a Yjs document, as its README shows it. A YServer
 * subclass persists the whole document to the Durable Object's storage in onSave, which
 * y-partyserver calls debounced (its defaults, written out: 2 s, at most every 10 s), and
 * reads it back in onLoad. onSave counts the bytes it writes, the same accounting as the
 * room's bytesWritten.
 *
 *   WebSocket:  /parties/doc/<documentId>        (y-websocket protocol)
 *   GET         /parties/doc/<documentId>?stats  → { bytesWritten, saves, connections }
 *   POST        /parties/doc/<documentId>?save   → onSave now (its analogue of compaction)
 */
import { routePartykitRequest } from "partyserver";
import { YServer } from "y-partyserver";
import * as Y from "yjs";

const stateKey = "ydoc";

/** What this file uses of the Durable Object's storage (it is type-checked with Node's types). */
interface Storage {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

export class BaselineDoc extends YServer {
  static override callbackOptions = { debounceWait: 2000, debounceMaxWait: 10000, timeout: 5000 };

  bytesWritten = 0;
  saves = 0;

  private get storage(): Storage {
    return (this as unknown as { ctx: { storage: Storage } }).ctx.storage;
  }

  override async onLoad(): Promise<void> {
    const state = await this.storage.get<Uint8Array>(stateKey);
    if (state) Y.applyUpdate(this.document, state);
  }

  override async onSave(): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.document);
    await this.storage.put(stateKey, state);
    this.bytesWritten += state.byteLength;
    this.saves += 1;
  }

  override async onRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.searchParams.has("save")) await this.onSave();
    return Response.json({
      bytesWritten: this.bytesWritten,
      saves: this.saves,
      connections: [...this.getConnections()].length,
    });
  }
}

export default {
  async fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    return (await routePartykitRequest(request, env)) ?? new Response("not found", { status: 404 });
  },
};
