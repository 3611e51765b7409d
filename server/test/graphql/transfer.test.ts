import { embeddedHarness } from '../support/stores';
import { describeTransferApi } from './transfer.suite';

describeTransferApi('embedded', embeddedHarness());
