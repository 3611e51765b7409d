/** The NetworkStore contract on the embedded (SQLite) store: readFeedPage (one step of following the feed). */
import { embeddedHarness } from '../../support/stores';
import { describeFeedPageContract } from './feed-page.suite';

describeFeedPageContract('embedded', embeddedHarness());
