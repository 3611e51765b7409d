/** Suggestion feedback on the embedded (SQLite) store: a fresh in-memory database per test. */
import { embeddedHarness } from '../support/stores';
import { describeFeedbackContract } from './feedback.suite';

describeFeedbackContract('embedded', embeddedHarness());
