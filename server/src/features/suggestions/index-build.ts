/**
 * The suggestion index's typed arrays built from the flat input (`index-input.ts`) alone — no
 * projection, no Maps of strings — so the same function runs in the suggestion worker and inline,
 * and both give the same bits (suggestion-index.ts `assembleSteps` adds the id Maps and the signal
 * workspace on the main thread).
 */
import { collaborationArrays, type GraphArrays } from './csr';
import { idOrder, ranksOf, type IndexInput } from './index-input';
import { buildKindMixing } from './kind-mixing';
import { profileArrays, type ProfileArrays } from './topic-profile';

export interface BuiltArrays {
  /** The input actors in id order (graph index → input index). */
  order: Int32Array;
  graph: GraphArrays;
  profiles: ProfileArrays;
  /** Per graph index its kind (index into the input's kindNames), and the kind-mixing table (kind-mixing.ts). */
  kinds: Uint8Array;
  kindCount: number;
  affinity: Float64Array;
  /** Time spent building (ms). */
  buildMs: number;
}

export function buildIndexArrays(input: IndexInput): BuiltArrays {
  const started = performance.now();
  const order = idOrder(input.actorIds);
  const graph = collaborationArrays(input, ranksOf(order), idOrder(input.collaborationIds));
  const profiles = profileArrays(input, order);
  // More than 255 kinds cannot be held in a byte (the domain has a handful): then no kind mixing.
  const kindCount = input.kindNames.length <= 255 ? input.kindNames.length : 1;
  const kinds = kindCount > 1 ? Uint8Array.from(order, (a) => input.actorKinds[a]) : new Uint8Array(order.length);
  const { affinity } = buildKindMixing(kinds, kindCount, graph);
  return { order, graph, profiles, kinds, kindCount, affinity, buildMs: performance.now() - started };
}

/** The buffers of the built arrays (to transfer them back from the worker). */
export function builtBuffers(built: BuiltArrays): ArrayBuffer[] {
  return [
    built.order,
    ...Object.values(built.graph),
    ...Object.values(built.profiles),
    built.kinds,
    built.affinity,
  ].map((a: ArrayBufferView) => a.buffer as ArrayBuffer);
}
