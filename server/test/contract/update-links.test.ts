/** Update links, proposals and consent records on the embedded (SQLite) store. */
import { embeddedHarness } from '../support/stores';
import { describeUpdateLinkContract } from './update-links.suite';

describeUpdateLinkContract('embedded', embeddedHarness());
