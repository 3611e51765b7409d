import { embeddedHarness } from '../support/stores';
import { describeQueries } from './queries.suite';

describeQueries('embedded', embeddedHarness());
