/** GDPR on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeTransferGdprContract } from './transfer-gdpr.suite';
import { embeddedHarness } from '../support/stores';

describeTransferGdprContract('embedded', embeddedHarness());
