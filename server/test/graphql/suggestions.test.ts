import { embeddedHarness } from '../support/stores';
import { describeSuggestions } from './suggestions.suite';

describeSuggestions('embedded', embeddedHarness());
