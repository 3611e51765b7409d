/**
 * The NetworkStore contract on the embedded (SQLite) store: the batched relation reads the GraphQL
 * loaders use (one answer per key, in key order).
 */
import { embeddedHarness } from '../../support/stores';
import { describeRelationReadContract } from './relation-reads.suite';

describeRelationReadContract('embedded', embeddedHarness());
