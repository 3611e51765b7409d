import { embeddedHarness } from '../support/stores';
import { describeInsight } from './insight.suite';

describeInsight('embedded', embeddedHarness());
