import { embeddedHarness } from '../support/stores';
import { describeInsightBrokers } from './insight-brokers.suite';

describeInsightBrokers('embedded', embeddedHarness());
