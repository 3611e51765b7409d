/**
 * A day's kind of writes, through one replica's API: per unit a new actor, a collaboration of it
 * with two existing actors, and a change of an existing actor's kind (three writes, five feed
 * events or more). Units run `concurrency` at a time.
 */
import { random } from '../../seed/generate';
import { nowMs } from '../stats';
import { CREATE_ACTOR, CREATE_COLLABORATION, UPDATE_ACTOR, type Replica } from './replicas';

const KINDS = ['GROUP', 'INITIATIVE', 'ASSOCIATION'] as const;

export interface WriteRun {
  writes: number;
  seconds: number;
  errors: number;
  firstError?: string;
}

export async function writeMany(
  a: Replica,
  writes: number,
  existing: string[],
  tag: string,
  concurrency = 8,
): Promise<WriteRun> {
  const rand = random(777);
  const units = Math.ceil(writes / 3);
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = nowMs();
  const pick = () => existing[Math.floor(rand() * existing.length)]!;
  const attempt = async (query: string, variables: Record<string, unknown>) => {
    try {
      await a.client.request(query, variables);
    } catch (error) {
      errors++;
      firstError ??= (error as Error).message.slice(0, 200);
    }
  };
  const worker = async () => {
    for (let u = next++; u < units; u = next++) {
      const id = `${tag}-${u}`;
      await attempt(CREATE_ACTOR, { input: { id, name: `Tag ${tag} ${u}`, kind: 'PERSON' } });
      await attempt(CREATE_COLLABORATION, {
        input: {
          id: `${id}-c`,
          title: `Treffen ${tag} ${u}`,
          kind: 'MEETING',
          participants: [
            { actorId: id, role: 'HOST' },
            { actorId: pick(), role: 'MEMBER' },
            { actorId: pick(), role: 'MEMBER' },
          ].filter((p, i, all) => all.findIndex((q) => q.actorId === p.actorId) === i),
        },
      });
      await attempt(UPDATE_ACTOR, { id: pick(), input: { kind: KINDS[u % KINDS.length] } });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { writes: units * 3, seconds: (nowMs() - started) / 1000, errors, firstError };
}
