/**
 * Runs exports for the GraphQL API and the download routes, bounded: one export at a time per
 * principal and EXPORT_SLOTS in the whole process (beyond them RATE_LIMITED with
 * retryAfterSeconds), each in a worker thread (./export-worker.ts) when the store can be opened
 * there (a SQLite file, a Neo4j URI), so the event loop stays free. An in-memory store (tests)
 * is exported in this thread.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { DomainError, QueueFullError, type DomainErrorCode } from '../../domain/errors';
import type { Config } from '../../platform/config';
import type { NetworkStore } from '../../store/network-store';
import { exportNetwork, type ExportFile, type ExportOptions } from './export-job';

/** Exports running at once in the process. */
export const EXPORT_SLOTS = 1;

/** Where a worker finds the store: the service's own configuration. */
export type ExportStoreLocation = Pick<Config, 'neo4j' | 'dataDir'>;

export interface ExportBytes {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

export type ExportWorkerReply =
  | { ok: true; files: ExportBytes[] }
  | { ok: false; error: { name: string; message: string; code?: string; field?: string } };

const BOOTSTRAP = join(__dirname, 'export-worker.cjs');

/**
 * Bytes of files one `exportNetwork` answer may carry. A GraphQL answer is decoded into strings and
 * serialised by Apollo in one piece on the event loop: the JSON export of 100k actors (94 MB) held
 * it for ~550 ms of CPU (~6 s under load). Larger exports are downloads (GET /export/…), which
 * send the worker's bytes as they are.
 */
export const EXPORT_ANSWER_MAX_BYTES = 16 * 1024 * 1024;

export class ExportRunner {
  private readonly running = new Set<string>();
  /** Recent export durations (ms), for an honest retryAfterSeconds. */
  private lastMs = 2000;

  constructor(
    private readonly store: NetworkStore,
    /** null: export in this thread (in-memory store). */
    private readonly location: ExportStoreLocation | null,
    /** See EXPORT_ANSWER_MAX_BYTES (checked by the GraphQL answer, not by downloads). */
    readonly answerMaxBytes = EXPORT_ANSWER_MAX_BYTES,
  ) {}

  /** The files of one export for `principalId`; RATE_LIMITED while another of theirs runs or all slots are taken. */
  async run(principalId: string, options: ExportOptions): Promise<ExportBytes[]> {
    const retryAfterSeconds = Math.max(1, Math.ceil(this.lastMs / 1000));
    if (this.running.has(principalId)) {
      throw new QueueFullError(
        `An export of yours is still running: one at a time; ask again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
    if (this.running.size >= EXPORT_SLOTS) {
      throw new QueueFullError(`Another export is running: ask again in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
    this.running.add(principalId);
    const started = performance.now();
    try {
      return this.location
        ? await this.inWorker(this.location, options)
        : toBytes(await exportNetwork(this.store, options));
    } finally {
      this.running.delete(principalId);
      this.lastMs = performance.now() - started;
    }
  }

  private inWorker(location: ExportStoreLocation, options: ExportOptions): Promise<ExportBytes[]> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(BOOTSTRAP, { workerData: { location, options } });
      worker.once('message', (reply: ExportWorkerReply) => {
        void worker.terminate();
        if (reply.ok) resolve(reply.files);
        else reject(toError(reply.error));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`the export worker stopped with exit code ${code}`));
      });
    });
  }
}

function toBytes(files: ExportFile[]): ExportBytes[] {
  const encoder = new TextEncoder();
  return files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: encoder.encode(f.content) }));
}

/** A domain error keeps its code and field across the thread; anything else stays an internal error. */
function toError(error: { name: string; message: string; code?: string; field?: string }): Error {
  if (error.code && error.name.endsWith('Error') && error.name !== 'Error') {
    return new DomainError(error.code as DomainErrorCode, error.message, error.field);
  }
  return new Error(error.message);
}
