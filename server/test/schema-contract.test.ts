/**
 * The published SDL is the API's contract: it must equal what the code builds (run `npm run schema`
 * after changing the API), and a client holding only that file must be able to run every sample
 * operation in schema/examples.graphql — checked against the SDL alone, then run on the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { batenbrock } from '../../seed/batenbrock';
import { printSchemaSdl, SCHEMA_FILE } from '../src/graphql/sdl';
import { startTestApi } from './support/api';
import { embeddedHarness } from './support/stores';

const root = join(__dirname, '..', '..');
const sdl = readFileSync(join(root, SCHEMA_FILE), 'utf8');
const examplesText = readFileSync(join(root, 'schema', 'examples.graphql'), 'utf8');
const examples = parse(examplesText);

/** Variables for each sample operation, taken from the seed. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  SearchActors: { name: 'bürger' },
  ActorDetails: { id: 'bobbie-ev' },
  TopicActors: { id: 'gemeinschaftsgarten' },
  Collaboration: { id: 'stadtteilkonferenz-2021' },
  HowConnected: { from: 'eu-efre', to: 'bobbie-ev' },
  EgoNetwork: { id: 'bobbie-ev' },
  CreateActor: { input: { id: 'tafel', name: 'Tafel Batenbrock', kind: 'INITIATIVE' } },
  RenameActor: { id: 'tafel', name: 'Tafel Batenbrock e.V.', version: 1 },
  SetInterests: { id: 'tafel', interests: [{ topicId: 'nachbarschaft', weight: 0.8 }] },
  CreateMeeting: {
    input: { id: 'tafel-treffen', title: 'Treffen Tafel', kind: 'MEETING', startDate: '2024-02-01', participants: [{ actorId: 'tafel', role: 'ORGANISER' }] },
  },
  AddParticipant: { collaborationId: 'tafel-treffen', actorId: 'bobbie-ev', role: 'PARTICIPANT' },
  RemoveParticipant: { collaborationId: 'tafel-treffen', actorId: 'bobbie-ev' },
  DeleteActor: { id: 'tafel' },
  HandOver: { removeActorIds: ['stadtteilagentur-batenbrock'] },
  RecentTies: { id: 'bobbie-ev' },
  CreateDuplicate: { input: { id: 'bobbie-duplikat', name: 'Bobbie e. V.', kind: 'ASSOCIATION' } },
  MergeActors: { keepId: 'bobbie-ev', mergeIds: ['bobbie-duplikat'] },
  DescribeActor: { id: 'bobbie-ev', description: 'Gemeinschaftsgarten am Bürgerhaus' },
  History: { id: 'bobbie-ev' },
  UndoLastChange: { id: 'bobbie-ev' },
  SuggestContacts: { id: 'bobbie-ev', kinds: ['ASSOCIATION', 'INITIATIVE', 'GROUP', 'INSTITUTION'] },
  MatchActors: { topicIds: ['jugend', 'sport'] },
  SimilarActors: { id: 'repair-cafe-batenbrock' },
  GiveSuggestionFeedback: { actorId: 'bobbie-ev', suggestedId: 'repair-cafe-batenbrock', verdict: 'INTRODUCED', note: 'beim Stadtteilfest vorgestellt' },
  ImportNetwork: {
    files: [
      { name: 'Akteure.csv', content: 'Name;Art;Themen;Kontakt\nMaria Muster;Person;"Umwelt; Nachbarschaft";maria@example.org\n' },
      { name: 'Teilnahmen.csv', content: 'Kooperation;Akteur;Rolle\nStadtteilkonferenz 2022;Maria Muster;Teilnehmerin\n' },
    ],
  },
  ExportNetwork: { format: 'GRAPHML', filter: { topicIds: ['gemeinschaftsgarten'] } },
  PersonalData: { id: 'maria-muster' },
  EraseActor: { id: 'maria-muster' },
};

describe('schema contract', () => {
  test('schema/schema.graphql is what the code builds (run `npm run schema` if this fails)', async () => {
    expect(sdl).toBe(await printSchemaSdl());
  });

  test('every sample operation is valid against the published SDL alone', () => {
    const published = buildSchema(sdl);
    expect(validate(published, examples).map((e) => e.message)).toEqual([]);
  });

  test('every sample operation runs on the server without errors', async () => {
    const harness = embeddedHarness();
    const api = await startTestApi(await harness.fresh(), batenbrock);
    try {
      const operations = examples.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      expect(operations.length).toBeGreaterThanOrEqual(15);
      for (const operation of operations) {
        const name = operation.name!.value;
        const single = await api.run(examplesText, VARIABLES[name] ?? {}, name);
        expect({ name, errors: single.errors }).toEqual({ name, errors: undefined });
        expect(single.data).toBeTruthy();
      }
    } finally {
      await api.stop();
      await harness.teardown();
    }
  });
});
