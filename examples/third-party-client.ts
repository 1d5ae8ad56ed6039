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
 *    and the token as the `token` parameter. Tokens live 5 minutes: a long-running client
 *    fetches a new one before reconnecting.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

const [origin = "http://localhost:8787", documentId = "scratch:demo", name = "Exempelklient"] =
  process.argv.slice(2);

const res = await fetch(new URL("/api/dev/room-token", origin), {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ documentId, name, mode: "write" }),
});
if (!res.ok) throw new Error(`no token: HTTP ${res.status} ${await res.text()}`);
const { token } = (await res.json()) as { token: string };

const doc = new Y.Doc();
const serverUrl = `${origin.replace(/^http/, "ws")}/api/rooms`;
const provider = new WebsocketProvider(serverUrl, documentId, doc, {
  params: { token },
  WebSocketPolyfill: WebSocket,
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
provider.on("connection-close", (event: CloseEvent | null) => {
  if (event && event.code >= 4000) {
    console.error(`The room closed the connection: ${event.code} ${event.reason}`);
    process.exit(1);
  }
});
