/** The NetworkStore contract on the embedded (SQLite) store: collaborations and their participants. */
import { embeddedHarness } from '../../support/stores';
import { describeCollaborationContract } from './collaborations.suite';

describeCollaborationContract('embedded', embeddedHarness());
