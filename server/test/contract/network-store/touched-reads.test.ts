/** The NetworkStore contract on the embedded (SQLite) store: readTouched (what the feed follower re-reads). */
import { embeddedHarness } from '../../support/stores';
import { describeTouchedReadContract } from './touched-reads.suite';

describeTouchedReadContract('embedded', embeddedHarness());
