/** The NetworkStore contract on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeNetworkStoreContract } from './network-store.contract';
import { describeFeedContract } from './feed.contract';
import { embeddedHarness } from '../support/stores';

describeNetworkStoreContract('embedded', embeddedHarness());
describeFeedContract('embedded', embeddedHarness());
