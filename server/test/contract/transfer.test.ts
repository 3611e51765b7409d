/** Import, export reads and GDPR on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeTransferContract } from './transfer.suite';
import { embeddedHarness } from '../support/stores';

describeTransferContract('embedded', embeddedHarness());
