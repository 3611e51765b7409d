/**
 * What the import/export and GDPR contract suites share (transfer-import.suite.ts,
 * transfer-gdpr.suite.ts): an import document with every table and small helpers.
 */
import type { ImportGraph, NetworkStore } from '../../src/store/network-store';

export const ADMIN = { author: 'admin@quartier' };

/** An import document with every table. */
export function document(): ImportGraph {
  return {
    topics: [
      { id: 'garten', name: 'Garten', aliases: ['Urban Gardening'] },
      { id: 'jugend', name: 'Jugend' },
    ],
    actors: [
      {
        id: 'bobbie',
        name: 'Bobbie e.V.',
        kind: 'ASSOCIATION',
        website: 'https://bobbie.de',
        contact: 'info@bobbie.de',
      },
      { id: 'maria', name: 'Maria Muster', kind: 'PERSON', contact: 'maria@example.org', district: 'Batenbrock' },
      { id: 'kita', name: 'Kita Sonnenblume', kind: 'INSTITUTION' },
    ],
    collaborations: [
      { id: 'fest', title: 'Pflanzfest', kind: 'EVENT', startDate: '2023-05-01', location: 'Bürgerhaus' },
      { id: 'ag', title: 'Garten-AG', kind: 'WORKING_GROUP', startDate: '2022-01-01', endDate: '2022-12-31' },
    ],
    interests: [
      { actorId: 'bobbie', topicId: 'garten' },
      { actorId: 'maria', topicId: 'garten', weight: 0.5 },
    ],
    collaborationTopics: [{ collaborationId: 'fest', topicId: 'garten' }],
    participations: [
      { actorId: 'bobbie', collaborationId: 'fest', role: 'ORGANISER' },
      { actorId: 'maria', collaborationId: 'fest' },
      { actorId: 'maria', collaborationId: 'ag', role: 'MEMBER' },
      { actorId: 'kita', collaborationId: 'ag', role: 'HOST' },
    ],
  };
}

export const empty = (): ImportGraph => ({
  topics: [],
  actors: [],
  collaborations: [],
  interests: [],
  collaborationTopics: [],
  participations: [],
});

export async function codeOf(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; field?: string };
    return { code: e.code, field: e.field };
  }
  throw new Error('expected the call to fail');
}

export async function everything(store: NetworkStore) {
  return { graph: await store.readGraph(), counts: await store.counts() };
}
