import { embeddedHarness } from '../support/stores';
import { describeViewPositions } from './view-positions.suite';

describeViewPositions('embedded', embeddedHarness());
