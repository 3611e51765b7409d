/**
 * Contact suggestions through GraphQL with the index built in the worker thread (the path large
 * networks take) against the inline build (small networks): the same answers, and a write is seen
 * by the next request.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { startTestApi, type TestApi } from '../support/api';
import { embeddedHarness } from '../support/stores';

jest.setTimeout(120_000);

const QUERIES = `query($id: ID!, $topics: [ID!]!) {
  suggestContacts(actorId: $id, first: 8) { actor { id } score parts { name contribution } explanation mutualCollaborators { actor { id } } }
  similarActors(actorId: $id, first: 5) { actor { id } score }
  matchActors(topicIds: $topics, first: 5) { actor { id } score }
}`;
const CREATE = `mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }`;

interface Answer {
  suggestContacts: Array<{ actor: { id: string } }>;
}

describe('suggestions with the index built in the worker', () => {
  const apis: Record<'worker' | 'inline', TestApi | null> = { worker: null, inline: null };
  const harnesses = { worker: embeddedHarness(), inline: embeddedHarness() };
  beforeAll(async () => {
    for (const mode of ['worker', 'inline'] as const)
      apis[mode] = await startTestApi(await harnesses[mode].fresh(), batenbrock, {
        service: { suggestionIndexBuild: mode },
      });
  });
  afterAll(async () => {
    for (const api of Object.values(apis)) await api?.stop();
    for (const harness of Object.values(harnesses)) await harness.teardown();
  });

  test('gives the same answers as the inline build, also right after a write', async () => {
    const topics = batenbrock.topics.slice(0, 3).map((t) => t.id!);
    const ask = async (mode: 'worker' | 'inline', id: string) => apis[mode]!.data<Answer>(QUERIES, { id, topics });
    for (const actor of batenbrock.actors.slice(0, 6))
      expect(await ask('worker', actor.id)).toEqual(await ask('inline', actor.id));
    expect(apis.worker!.service.suggestions.builder.workerBuilds).toBe(1);

    // Bobbie now works with its top suggestion: the next request (no wait in between) must not suggest it.
    const before = await ask('worker', 'bobbie-ev');
    const top = before.suggestContacts[0].actor.id;
    for (const mode of ['worker', 'inline'] as const)
      await apis[mode]!.data(CREATE, {
        input: {
          id: 'new-tie',
          title: 'Neues Projekt',
          kind: 'PROJECT',
          participants: [
            { actorId: 'bobbie-ev', role: 'ORGANISER' },
            { actorId: top, role: 'PARTICIPANT' },
          ],
        },
      });
    const after = await ask('worker', 'bobbie-ev');
    expect(after.suggestContacts.map((s) => s.actor.id)).not.toContain(top);
    expect(after).toEqual(await ask('inline', 'bobbie-ev'));
    expect(apis.worker!.service.suggestions.builder.workerBuilds).toBe(2);
  });
});
