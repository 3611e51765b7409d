import { embeddedHarness } from '../support/stores';
import { describeTransferFilesApi } from './transfer-files.suite';

describeTransferFilesApi('embedded', embeddedHarness());
