import * as Y from "yjs";

/**
 * Encodes what the document has integrated, leaving out "pending" structs (updates whose
 * dependencies have not arrived). Yjs would otherwise run mergeUpdates over them, and they
 * came from a client: crafted input can hang the merge (yjs #687). Pending structs are
 * never stored or broadcast either; their sender still has them and resends on next sync.
 */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

/** Bytes of client data waiting for missing dependencies: unbounded, it would be a memory leak. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/**
 * Would this update change the document? A read-only connection may send updates that
 * carry nothing new (every reconnect's sync step 2 repeats the whole delete set); anything
 * beyond that is an attempted write. Decodes without applying, so the document is untouched.
 */
export function updateWouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    for (const range of ranges) {
      if (range.len === 0) continue;
      const end = range.clock + range.len;
      if (!known || end > Y.getState(doc.store, client)) return true;
      for (let i = Y.findIndexSS(known, range.clock); i < known.length; i++) {
        const struct = known[i];
        if (!struct || struct.id.clock >= end) break;
        if (!struct.deleted) return true;
      }
    }
  }
  return false;
}
