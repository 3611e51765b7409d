/** GraphQL participantCount / participantPage on the embedded store. */
import { embeddedHarness } from '../support/stores';
import { describeParticipants } from './participants.suite';

describeParticipants('embedded', embeddedHarness());
