/** The change feed on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeFeedContract } from './feed.suite';
import { embeddedHarness } from '../support/stores';

describeFeedContract('embedded', embeddedHarness());
