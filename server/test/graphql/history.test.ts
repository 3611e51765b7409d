import { embeddedHarness } from '../support/stores';
import { describeHistoryApi } from './history.suite';

describeHistoryApi('embedded', embeddedHarness());
