/**
 * The NetworkStore contract on the embedded (SQLite) store: strings are stored verbatim (quotes,
 * umlauts, emoji, Cypher-ish text).
 */
import { embeddedHarness } from '../../support/stores';
import { describeVerbatimStringContract } from './strings.suite';

describeVerbatimStringContract('embedded', embeddedHarness());
