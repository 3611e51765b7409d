import { embeddedHarness } from '../support/stores';
import { describeCompactNetwork } from './compact-network.suite';

describeCompactNetwork('embedded', embeddedHarness());
