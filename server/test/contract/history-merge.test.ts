/** mergeActors and the history on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeHistoryAndMergeContract } from './history-merge.suite';
import { embeddedHarness } from '../support/stores';

describeHistoryAndMergeContract('embedded', embeddedHarness());
