/** Map positions per view on the embedded (SQLite) store: a fresh in-memory database per test. */
import { embeddedHarness } from '../support/stores';
import { describeViewPositionsContract } from './view-positions.suite';

describeViewPositionsContract('embedded', embeddedHarness());
