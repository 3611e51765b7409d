/**
 * The NetworkStore contract on the embedded (SQLite) store: lifecycle and counts; creating,
 * reading, updating and deleting actors.
 */
import { embeddedHarness } from '../../support/stores';
import { describeActorContract } from './actors.suite';

describeActorContract('embedded', embeddedHarness());
