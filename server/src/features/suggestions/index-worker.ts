/**
 * The main thread's side of the suggestion index worker: starts the thread on the first build,
 * transfers the input's typed arrays to it (the id lists are copied) and resolves with the built
 * arrays it transfers back. Idle, it never keeps the process alive, and it stops after `idleMs`.
 */
import { join } from 'node:path';
import { RequestWorker } from '../../platform/util/request-worker';
import type { BuiltArrays } from './index-build';
import { inputBuffers, type IndexInput } from './index-input';
import type { BuildMessage, BuildReply } from './suggestion-worker';

const BOOTSTRAP = join(__dirname, 'suggestion-worker.cjs');

type Built = Exclude<BuildReply, { error: string }>;

/** The suggestion index's thread (a RequestWorker). */
export class IndexWorker {
  private readonly thread: RequestWorker<Built>;

  constructor(idleMs = 60_000) {
    this.thread = new RequestWorker<Built>(BOOTSTRAP, 'suggestion worker', idleMs);
  }

  /** Threads started so far (tests look at it). */
  get started(): number {
    return this.thread.started;
  }

  /** Builds in the thread; the input's typed arrays are transferred (unusable here afterwards). */
  async build(input: IndexInput): Promise<BuiltArrays> {
    return (await this.thread.request((id) => ({ id, input }) satisfies BuildMessage, inputBuffers(input))).built;
  }

  /** Stops the thread (a later build starts a new one). */
  close(): Promise<void> {
    return this.thread.close();
  }
}
