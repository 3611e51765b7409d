/**
 * One export in a worker thread: opens its own connection to the store (a second SQLite
 * connection in WAL mode reads a consistent snapshot beside the server's; Neo4j its own driver),
 * reads the graph, writes the files and sends them back as transferred bytes. Reading a large
 * network and writing GraphML of ~90 MB at 10k actors took seconds of the event loop in the
 * server's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../../platform/util/background-thread';
import { createStore } from '../../store/create-store';
import { exportNetwork, type ExportOptions } from './export-job';
import type { ExportStoreLocation, ExportWorkerReply } from './export-runner';

async function run(location: ExportStoreLocation, options: ExportOptions): Promise<ExportWorkerReply> {
  const store = createStore(location);
  try {
    await store.init();
    const files = await exportNetwork(store, options);
    // TextEncoder gives each file its own ArrayBuffer (Buffer.from may use a shared pool), which is transferred.
    const encoder = new TextEncoder();
    return {
      ok: true,
      files: files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: encoder.encode(f.content) })),
    };
  } catch (error) {
    const e = error as Error & { code?: string; field?: string };
    return { ok: false, error: { name: e.name, message: e.message, code: e.code, field: e.field } };
  } finally {
    await store.close();
  }
}

// The main thread's event loop goes first when the cores are busy: the download may wait.
lowerThreadPriority();
const { location, options } = workerData as { location: ExportStoreLocation; options: ExportOptions };
void run(location, options).then((reply) => {
  const transfer = reply.ok ? reply.files.map((f) => f.bytes.buffer as ArrayBuffer) : [];
  parentPort!.postMessage(reply, transfer);
});
