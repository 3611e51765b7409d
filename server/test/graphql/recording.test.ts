import { embeddedHarness } from '../support/stores';
import { describeRecording } from './recording.suite';

describeRecording('embedded', embeddedHarness());
