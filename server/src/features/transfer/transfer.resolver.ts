/**
 * Import, export and GDPR through GraphQL (server/src/features/transfer does the work). Roles:
 * importNetwork ADMIN; exportNetwork VIEWER, with includeContact EDITOR (the same rule as
 * Actor.contact); personalData ADMIN; eraseActor ADMIN.
 */
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { roleAtLeast } from '../../domain/roles';
import { forbiddenError } from '../access/access-errors';
import { BadInputError, NotFoundError } from '../../domain/errors';
import type { Topic } from '../../domain/model';
import { IMPORT_TABLES, type ImportCounts } from './import-rules';
import { runImport } from './import-job';
import { personalDataDocument } from './personal-data';
import { withoutNulls } from '../../platform/graphql/common/patch';
import type { GraphQLContext } from '../../platform/graphql/context';
import { toChangeRecordType } from '../history/history.resolver';
import { loadExisting } from '../../platform/graphql/loaders';
import { ScopeFilterInput } from '../network/network.input';
import {
  ErasureReportType,
  ExportFormatEnum,
  ImportFileInput,
  ImportFormatEnum,
  ImportReportType,
  MAX_IMPORT_FILES,
  NetworkExportType,
  PersonalDataType,
} from './transfer.type';

/** An export too large for one GraphQL answer (see EXPORT_ANSWER_MAX_BYTES): the download serves it. */
function exportTooLarge(bytes: number, max: number, format: ExportFormatEnum): GraphQLError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const path =
    format === 'CSV' ? '/export/<table>.csv' : `/export/network.${format === 'GRAPHML' ? 'graphml' : 'json'}`;
  return new GraphQLError(
    `The export holds ${mb(bytes)} MB: a GraphQL answer carries at most ${mb(max)} MB. Download it instead: GET ${path} (the filter as query parameters), or narrow the filter.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'exportBytes', max } },
  );
}

const countsList = (counts: ImportCounts | null) =>
  counts ? IMPORT_TABLES.map((table) => ({ table, ...counts[table] })) : null;

@Guarded()
@Resolver()
export class TransferResolver {
  @Authorized('ADMIN')
  @Mutation(() => ImportReportType, {
    description:
      'Imports CSV files (one per table; German or English headers), Excel workbooks (format XLSX, base64; each sheet a table) or a JSON document: every row is checked first, then everything is applied in one transaction — or nothing, when any row is rejected (the report lists file, row, field and reason). Creates and updates by id (ids derived from names when absent), adds relationships, never deletes; importing the same files again changes nothing. dryRun: check and count only.',
  })
  async importNetwork(
    @Arg('format', () => ImportFormatEnum) format: ImportFormatEnum,
    @Arg('files', () => [ImportFileInput]) files: ImportFileInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<ImportReportType> {
    if (files.length > MAX_IMPORT_FILES)
      throw new BadInputError(`at most ${MAX_IMPORT_FILES} files per import`, 'files');
    const report = await runImport(
      files,
      { store: service.reads, apply: (graph, options) => service.importGraph(graph, options) },
      { format, dryRun },
    );
    if (report.applied) loaders.clearAll();
    return { ...report, counts: countsList(report.counts) };
  }

  @Authorized('VIEWER')
  @Query(() => NetworkExportType, {
    description:
      'The network (or the view of a filter, as the network query shows it) as files: JSON (imports back unchanged), CSV (one file per table) or GraphML. Contact data only with includeContact. At most 16 MB of files per answer (QUERY_TOO_COMPLEX, limit exportBytes, above): larger exports are downloads, GET /export/network.json, /export/network.graphml, /export/<table>.csv. GraphML holds at most 500,000 collaborates-with edges (beyond: BAD_USER_INPUT on format; filter or use JSON/CSV).',
  })
  async exportNetwork(
    @Arg('format', () => ExportFormatEnum) format: ExportFormatEnum,
    @Arg('filter', () => ScopeFilterInput, { nullable: true }) filter: ScopeFilterInput | null,
    @Arg('includeContact', () => Boolean, {
      defaultValue: false,
      description: 'Put contact data (personal data) into the files.',
    })
    includeContact: boolean,
    @Ctx() { principal, exports }: GraphQLContext,
  ): Promise<NetworkExportType> {
    if (includeContact && !(principal && roleAtLeast(principal.role, 'EDITOR'))) {
      throw forbiddenError('includeContact needs the role EDITOR: contact data is personal data.');
    }
    const exported = await exports.run(principal?.id ?? 'anonymous', {
      format,
      filter: withoutNulls(filter),
      includeContact,
    });
    const bytes = exported.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    if (bytes > exports.answerMaxBytes) throw exportTooLarge(bytes, exports.answerMaxBytes, format);
    const decoder = new TextDecoder();
    const files = exported.map((f) => ({ name: f.name, mediaType: f.mediaType, content: decoder.decode(f.bytes) }));
    return { format, includesContact: includeContact, files };
  }

  @Authorized('ADMIN')
  @Query(() => PersonalDataType, {
    description:
      'Everything stored about one actor — record with contact, interests, collaborations, suggestion feedback, history (GDPR right of access); also for a deleted actor, from its history. NOT_FOUND for an id with neither a record nor a history.',
  })
  async personalData(
    @Arg('actorId', () => ID) actorId: string,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<PersonalDataType> {
    const data = await service.reads.personalData(actorId);
    if (!data) throw new NotFoundError('Actor', actorId);
    const topics = await loadExisting(
      loaders.topic,
      data.interests.map((i) => i.topicId),
    );
    return {
      actor: data.actor,
      interests: data.interests,
      participations: data.participations,
      suggestionFeedback: data.suggestionFeedback,
      history: data.history.map(toChangeRecordType),
      consents: data.consents,
      updateProposals: data.updateProposals.map((p) => ({ ...p, value: JSON.stringify(p.value) })),
      document: personalDataDocument(data, new Map(topics.map((t: Topic) => [t.id, t]))),
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => ErasureReportType, {
    description:
      'Erases an actor that is or ever was of kind PERSON (GDPR right to erasure) in one transaction — also a deleted one, and with it every actor merged into it: deletes it with its interests, participations and suggestion feedback and replaces it in the history by a pseudonym, its recorded values by "[erased]". BAD_USER_INPUT for an actor that never was a PERSON (use deleteActor), NOT_FOUND for an id with neither a record nor a history.',
  })
  async eraseActor(
    @Arg('id', () => ID) id: string,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<ErasureReportType> {
    const report = await service.eraseActor(id);
    loaders.clearAll();
    return report;
  }
}

export const transferResolvers = [TransferResolver] as const;
