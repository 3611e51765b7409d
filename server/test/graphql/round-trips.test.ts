import { embeddedHarness } from '../support/stores';
import { describeRoundTrips } from './round-trips.suite';

describeRoundTrips('embedded', embeddedHarness());
