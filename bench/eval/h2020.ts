/**
 * The real H2020 "Industrial Leadership" network (a directory of CORDIS CSV extracts given on the
 * command line — actors.csv, collaborations.csv, participations.csv; see the data's README):
 * organisations (actors) in EU research projects (collaborations). Source: CORDIS, © European Union.
 *
 * Mapping, as the data's README proposes: activity types HES, REC → INSTITUTION; PRC → BUSINESS;
 * PUB → AGENCY; OTH and the 48 without a type → ASSOCIATION. Every project is a PROJECT; its topics
 * are the `;`-separated labels of the `topics` column (call topic and programme areas), used as
 * topic ids as they are. Roles (coordinator/participant) are not needed by the evaluation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorKind } from '../../server/src/domain/model';
import { readCsvObjects } from './csv';
import type { EvalNetwork } from './network';

const KINDS: Record<string, ActorKind> = {
  HES: 'INSTITUTION',
  REC: 'INSTITUTION',
  PRC: 'BUSINESS',
  PUB: 'AGENCY',
  OTH: 'ASSOCIATION',
};

export function h2020Available(dir: string): boolean {
  return existsSync(join(dir, 'participations.csv'));
}

export function loadH2020(dir: string): EvalNetwork {
  const actors = readCsvObjects(join(dir, 'actors.csv'));
  const collaborations = readCsvObjects(join(dir, 'collaborations.csv'));
  const participations = readCsvObjects(join(dir, 'participations.csv'));

  const members = new Map<string, string[]>();
  for (const p of participations) {
    const list = members.get(p.collaboration_id) ?? [];
    if (!list.includes(p.actor_id)) list.push(p.actor_id);
    members.set(p.collaboration_id, list);
  }
  const topics = new Set<string>();
  return {
    name: 'h2020-industrial',
    actors: actors.map((a) => ({ id: a.id, kind: KINDS[a.kind] ?? 'ASSOCIATION', interests: [] })),
    collaborations: collaborations.map((c) => {
      const topicIds = c.topics
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean);
      topicIds.forEach((t) => topics.add(t));
      return {
        id: c.id,
        kind: 'PROJECT' as const,
        startDate: c.start_date || null,
        endDate: c.end_date || null,
        topicIds: [...new Set(topicIds)],
        actorIds: members.get(c.id) ?? [],
      };
    }),
    topics: [...topics].sort(),
  };
}
