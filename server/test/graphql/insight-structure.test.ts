import { embeddedHarness } from '../support/stores';
import { describeInsightStructure } from './insight-structure.suite';

describeInsightStructure('embedded', embeddedHarness());
