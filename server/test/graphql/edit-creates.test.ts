/** Edits that create topics and actors in the same write (edit-creates.suite.ts) on the embedded store. */
import { embeddedHarness } from '../support/stores';
import { describeEditCreates } from './edit-creates.suite';

describeEditCreates('embedded', embeddedHarness());
