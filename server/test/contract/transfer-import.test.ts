/** Import and export reads on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeTransferImportContract } from './transfer-import.suite';
import { embeddedHarness } from '../support/stores';

describeTransferImportContract('embedded', embeddedHarness());
