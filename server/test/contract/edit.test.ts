/** The edit contract (edit.suite.ts) on the embedded store; on Neo4j: edit.neo4j.test.ts. */
import { embeddedHarness } from '../support/stores';
import { describeEditContract } from './edit.suite';

describeEditContract('embedded', embeddedHarness());
