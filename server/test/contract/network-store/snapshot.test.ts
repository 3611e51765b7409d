/**
 * The NetworkStore contract on the embedded (SQLite) store: loadSnapshot (the structure the
 * projection is built from) and mergeGraph.
 */
import { embeddedHarness } from '../../support/stores';
import { describeSnapshotContract } from './snapshot.suite';

describeSnapshotContract('embedded', embeddedHarness());
