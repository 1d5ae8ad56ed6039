/**
 * A third-party Yjs client joining a samtal document with the stock y-websocket provider.
 *
 *   npm start                                   # in one terminal
 *   npx tsx examples/third-party-client.ts      # in another
 *   npx tsx examples/third-party-client.ts http://localhost:8787 scratch:demo "Ada"
 *
 * 1. Get a room token. Locally, the development endpoint hands one out; in a deployment the
 *    token endpoint requires a logged-in session (the identity work).
 * 2. Connect y-websocket to `<ws origin>/api/rooms` with the document id as the room name
 *    and the token as the `token` parameter.
 * 3. A token opens one connection (and lives 5 minutes): keepRoomTokensFresh (./room-tokens.ts)
 *    puts a fresh one in `provider.params` whenever a connection closes.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { keepRoomTokensFresh } from "./room-tokens";

const [origin = "http://localhost:8787", documentId = "scratch:demo", name = "Exempelklient"] =
  process.argv.slice(2);

async function freshToken(): Promise<string> {
  const res = await fetch(new URL("/api/dev/room-token", origin), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ documentId, name, mode: "write" }),
  });
  if (!res.ok) throw new Error(`no token: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const doc = new Y.Doc();
const serverUrl = `${origin.replace(/^http/, "ws")}/api/rooms`;
const provider = new WebsocketProvider(serverUrl, documentId, doc, {
  params: { token: await freshToken() },
  WebSocketPolyfill: WebSocket,
});
keepRoomTokensFresh(provider, freshToken, (error) => console.error(`No new token yet: ${error}`));
provider.on("closed", ({ code, reason }) => {
  console.error(`The room closed the connection: ${code} ${reason}`);
  process.exit(1);
});

provider.on("sync", (synced: boolean) => {
  if (!synced) return;
  const text = doc.getText("example");
  text.insert(text.length, `${name} was here at ${new Date().toISOString()}\n`);
  console.log(`Synced ${documentId}. Its "example" text now reads:\n${text.toString()}`);
  // Give the update a moment to reach the room, then leave.
  setTimeout(() => {
    provider.destroy();
    process.exit(0);
  }, 300);
});
