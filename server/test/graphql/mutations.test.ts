import { embeddedHarness } from '../support/stores';
import { describeMutations } from './mutations.suite';

describeMutations('embedded', embeddedHarness());
