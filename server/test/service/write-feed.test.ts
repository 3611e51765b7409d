/** The write's feed on the embedded store (read after the write). */
import { embeddedHarness } from '../support/stores';
import { describeWriteFeed } from './write-feed.suite';

describeWriteFeed('embedded', embeddedHarness());
