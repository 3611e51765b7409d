/** The NetworkStore contract on the embedded (SQLite) store: topics and the interests of actors in them. */
import { embeddedHarness } from '../../support/stores';
import { describeTopicContract } from './topics.suite';

describeTopicContract('embedded', embeddedHarness());
