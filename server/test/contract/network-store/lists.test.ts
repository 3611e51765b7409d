/** The NetworkStore contract on the embedded (SQLite) store: the paged lists: order, filters, cursors, totals. */
import { embeddedHarness } from '../../support/stores';
import { describeListContract } from './lists.suite';

describeListContract('embedded', embeddedHarness());
