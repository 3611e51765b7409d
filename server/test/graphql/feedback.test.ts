import { embeddedHarness } from '../support/stores';
import { describeFeedback } from './feedback.suite';

describeFeedback('embedded', embeddedHarness());
