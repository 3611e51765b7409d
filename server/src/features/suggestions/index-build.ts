/**
 * The suggestion index's typed arrays built from the flat input (`index-input.ts`) alone — no
 * projection, no Maps of strings — so the same function runs in the suggestion worker and inline,
 * and both give the same bits (suggestion-index.ts `assembleSteps` adds the id Maps and the signal
 * workspace on the main thread).
 */
import { collaborationArrays, type GraphArrays } from './csr';
import { idOrder, ranksOf, type IndexInput } from './index-input';
import { profileArrays, type ProfileArrays } from './topic-profile';

export interface BuiltArrays {
  /** The input actors in id order (graph index → input index). */
  order: Int32Array;
  graph: GraphArrays;
  profiles: ProfileArrays;
  /** Time spent building (ms). */
  buildMs: number;
}

export function buildIndexArrays(input: IndexInput): BuiltArrays {
  const started = performance.now();
  const order = idOrder(input.actorIds);
  const graph = collaborationArrays(input, ranksOf(order), idOrder(input.collaborationIds));
  const profiles = profileArrays(input, order);
  return { order, graph, profiles, buildMs: performance.now() - started };
}

/** The buffers of the built arrays (to transfer them back from the worker). */
export function builtBuffers(built: BuiltArrays): ArrayBuffer[] {
  return [built.order, ...Object.values(built.graph), ...Object.values(built.profiles)].map(
    (a: ArrayBufferView) => a.buffer as ArrayBuffer,
  );
}
