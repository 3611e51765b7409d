/** The NetworkStore contract on the embedded (SQLite) store: a fresh in-memory database per test. */
import { describeNetworkStoreContract } from './network-store.suite';
import { embeddedHarness } from '../support/stores';

describeNetworkStoreContract('embedded', embeddedHarness());
