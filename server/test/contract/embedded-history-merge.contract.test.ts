/** mergeActors and the history on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeHistoryAndMergeContract } from './history-merge.contract';
import { embeddedHarness } from '../support/stores';

describeHistoryAndMergeContract('embedded', embeddedHarness());
