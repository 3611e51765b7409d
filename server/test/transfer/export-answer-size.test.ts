/**
 * An exportNetwork answer carries at most ExportRunner.answerMaxBytes of files (the answer is
 * decoded and serialised in one piece on the event loop); a larger export is refused with a code
 * that names the download. Through Apollo, on the seed, with a bound the seed's JSON export exceeds.
 */
import { ApolloServer } from '@apollo/server';
import { batenbrock } from '../../../seed/batenbrock';
import { EXPORT_ANSWER_MAX_BYTES, ExportRunner } from '../../src/features/transfer/export-runner';
import { createApolloServer } from '../../src/platform/http/app';
import { createContext, type GraphQLContext } from '../../src/platform/graphql/context';
import { NetworkService } from '../../src/service/network-service';
import { createEmbeddedStore } from '../../src/store/embedded';
import { TEST_ADMIN } from '../support/api';

describe('exportNetwork answer size', () => {
  let apollo: ApolloServer<GraphQLContext>;
  let service: NetworkService;
  const store = createEmbeddedStore({ filename: ':memory:' });

  beforeAll(async () => {
    await store.init();
    await store.mergeGraph(batenbrock);
    service = await NetworkService.start(store);
    apollo = await createApolloServer(null, {
      corsOrigins: [],
      bodyLimit: '1mb',
      introspection: false,
      production: true,
    });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await service.close();
    await store.close();
  });

  const exportWithBound = async (maxBytes: number) => {
    const response = await apollo.executeOperation(
      { query: '{ exportNetwork(format: JSON) { files { name content } } }' },
      { contextValue: createContext(service, TEST_ADMIN, undefined, new ExportRunner(store, null, maxBytes)) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as {
      data?: { exportNetwork: { files: Array<{ content: string }> } } | null;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
  };

  test('within the bound the files are answered; over it QUERY_TOO_COMPLEX names the download', async () => {
    const answered = await exportWithBound(EXPORT_ANSWER_MAX_BYTES);
    expect(answered.errors).toBeUndefined();
    const size = Buffer.byteLength(answered.data!.exportNetwork.files[0]!.content);
    expect(size).toBeGreaterThan(1000);

    const refused = await exportWithBound(size - 1);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'exportBytes',
      max: size - 1,
    });
    expect(refused.errors![0]!.message).toMatch(/GET \/export\/network\.json/);

    expect((await exportWithBound(size)).errors).toBeUndefined();
  });
});
