import { embeddedHarness } from '../support/stores';
import { describeTransferGdprApi } from './transfer-gdpr.suite';

describeTransferGdprApi('embedded', embeddedHarness());
