/** API-key records on the embedded (SQLite) store: a fresh in-memory database per test. */
import { embeddedHarness } from '../support/stores';
import { describeApiKeyContract } from './api-keys.suite';

describeApiKeyContract('embedded', embeddedHarness());
