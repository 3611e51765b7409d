/** GraphQL Actor.collaborations(first, after) on the embedded store. */
import { embeddedHarness } from '../support/stores';
import { describeCollaborationPages } from './collaboration-pages.suite';

describeCollaborationPages('embedded', embeddedHarness());
