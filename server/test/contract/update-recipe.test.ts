/** The update recipe on the embedded (SQLite) store: a fresh in-memory database per test. */
import { embeddedHarness } from '../support/stores';
import { describeUpdateRecipeContract } from './update-recipe.suite';

describeUpdateRecipeContract('embedded', embeddedHarness());
