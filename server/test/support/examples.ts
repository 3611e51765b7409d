/**
 * schema/examples.graphql — a sample operation for every use — and the variables to run each on
 * the Batenbrock seed, in file order (later samples use what earlier ones created).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateLinksFor } from '../../src/features/update-links';
import type { TestApi } from './api';
import { parse, print, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';

export const examplesText = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'examples.graphql'), 'utf8');
export const examples = parse(examplesText);

export interface ExampleOperation {
  name: string;
  kind: OperationTypeNode;
  /** The operation alone (the file holds no fragments): what a client sends over a socket with a message limit. */
  document: string;
  /** Its variables, given the answers of the samples run before it (by operation name). */
  variables(answers: Record<string, any>): Record<string, unknown>;
}

/** Variables for each sample operation, taken from the seed. */
/** The variables of a sample: fixed, or taken from the answers of the samples before it (by name). */
export type Variables = Record<string, unknown> | ((answers: Record<string, any>) => Record<string, unknown>);

export const VARIABLES: Record<string, Variables> = {
  SearchActors: { name: 'bürger' },
  ActorDetails: { id: 'bobbie-ev' },
  TopicActors: { id: 'gemeinschaftsgarten' },
  Collaboration: { id: 'stadtteilkonferenz-2021' },
  ActorCollaborationsCounted: { id: 'bobbie-ev' },
  ActorCollaborationsPaged: { id: 'stadtteilagentur-batenbrock' },
  CollaborationParticipantsPaged: { id: 'stadtteilkonferenz-2021' },
  HowConnected: { from: 'eu-efre', to: 'bobbie-ev' },
  EgoNetwork: { id: 'bobbie-ev' },
  CreateActor: { input: { id: 'tafel', name: 'Tafel Batenbrock', kind: 'INITIATIVE' } },
  RenameActor: { id: 'tafel', name: 'Tafel Batenbrock e.V.', version: 1 },
  SetInterests: { id: 'tafel', interests: [{ topicId: 'nachbarschaft', weight: 0.8 }] },
  CreateMeeting: {
    input: {
      id: 'tafel-treffen',
      title: 'Treffen Tafel',
      kind: 'MEETING',
      startDate: '2024-02-01',
      participants: [{ actorId: 'tafel', role: 'ORGANISER' }],
    },
  },
  MatchAttendance: { names: ['Bobbie e.V.', 'Jugendtreff Kist', 'Lesepaten Süd'] },
  RecordActor: {
    input: {
      actor: { name: 'Lesepaten Süd', kind: 'GROUP', district: 'Batenbrock' },
      topicIds: ['bildung'],
      newTopics: ['Lesen'],
    },
  },
  RecordMeeting: {
    input: {
      collaboration: {
        title: 'Stadtteilkonferenz 2024',
        kind: 'CONFERENCE',
        startDate: '2024-11-14',
        topicIds: ['vernetzung'],
        participants: [{ actorId: 'stadtteilagentur-batenbrock', role: 'ORGANISER' }, { actorId: 'bobbie-ev' }],
      },
      newActors: [{ name: 'Tafel Süd', kind: 'INITIATIVE', role: 'PARTICIPANT' }],
    },
  },
  AddParticipant: { collaborationId: 'tafel-treffen', actorId: 'bobbie-ev', role: 'PARTICIPANT' },
  RemoveParticipant: { collaborationId: 'tafel-treffen', actorId: 'bobbie-ev' },
  EditMeeting: {
    id: 'tafel-treffen',
    version: 3,
    input: {
      title: 'Treffen Tafel und Nachbarschaft',
      kind: 'MEETING',
      startDate: '2024-02-01',
      topicIds: ['nachbarschaft'],
      participants: [
        { actorId: 'tafel', role: 'ORGANISER' },
        { actorId: 'bobbie-ev', role: 'HOST' },
      ],
      newTopics: ['Tauschbörse'],
      newActors: [{ name: 'Lesecafé Süd', kind: 'GROUP', role: 'MEMBER' }],
    },
  },
  EditActor: {
    id: 'tafel',
    version: 2,
    input: {
      district: 'Batenbrock-Nord',
      interests: [{ topicId: 'nachbarschaft' }, { topicId: 'vernetzung' }],
      newTopics: ['Reparatur'],
    },
  },
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
  GiveSuggestionFeedback: {
    actorId: 'bobbie-ev',
    suggestedId: 'repair-cafe-batenbrock',
    verdict: 'INTRODUCED',
    note: 'beim Stadtteilfest vorgestellt',
  },
  CreateApiKey: { name: 'Quartiersbüro', role: 'EDITOR' },
  RevokeApiKey: (answers) => ({ id: answers.CreateApiKey?.createApiKey?.apiKey?.id ?? 'no-key-created' }),
  ImportNetwork: {
    files: [
      {
        name: 'Akteure.csv',
        content: 'Name;Art;Themen;Kontakt\nMaria Muster;Person;"Umwelt; Nachbarschaft";maria@example.org\n',
      },
      {
        name: 'Teilnahmen.csv',
        content: 'Kooperation;Akteur;Rolle\nStadtteilkonferenz 2022;Maria Muster;Teilnehmerin\n',
      },
    ],
  },
  ExportNetwork: { format: 'GRAPHML', filter: { topicIds: ['gemeinschaftsgarten'] } },
  PersonalData: { id: 'maria-muster' },
  EraseActor: { id: 'maria-muster' },
  CreateUpdateLinks: { collaborationId: 'stadtteilkonferenz-2022' },
  AcceptUpdateProposal: (answers) => ({ id: answers.UpdateProposals?.updateProposals?.[0]?.id ?? 'none' }),
  RejectUpdateProposal: (answers) => ({ id: answers.UpdateProposals?.updateProposals?.[1]?.id ?? 'none' }),
  DecideUpdateAnswer: (answers) => ({ answerId: answers.UpdateProposals?.updateProposals?.[0]?.answerId ?? 'none' }),
  UpdateLinks: { actorIds: ['bobbie-ev', 'stadt-bottrop'] },
  RenewUpdateLink: (answers) => ({ id: firstLink(answers)?.link?.id ?? 'none' }),
  RevokeUpdateLink: (answers) => ({ id: answers.RenewUpdateLink?.renewUpdateLink?.link?.id ?? 'none' }),
};

const firstLink = (answers: Record<string, any>) => answers.CreateUpdateLinks?.createUpdateLinks?.links?.[0];

/**
 * What happens outside GraphQL before a sample runs: before UpdateProposals, the person with the
 * first link answers through the update page's service (as POST /update-api/answer does).
 */
export const PREPARE: Record<string, (api: TestApi, answers: Record<string, any>) => Promise<void>> = {
  UpdateProposals: async (api, answers) => {
    const links = updateLinksFor(api.service);
    const link = await links.resolve(String(firstLink(answers)?.url).split('#token=')[1]);
    await links.answer(link, {
      fields: { description: 'Verein für Familien im Stadtteil', district: 'Batenbrock-Süd' },
      newTopics: ['Lastenrad'],
    });
  },
};

/** Every sample operation with its variables, in file order. */
export const exampleOperations: ExampleOperation[] = examples.definitions
  .filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
  .map((d) => {
    const given = VARIABLES[d.name!.value] ?? {};
    return {
      name: d.name!.value,
      kind: d.operation,
      document: print(d),
      variables: (answers) => (typeof given === 'function' ? given(answers) : given),
    };
  });
