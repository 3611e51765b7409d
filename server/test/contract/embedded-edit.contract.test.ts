/** The edit contract (edit.contract.ts) on the embedded store; on Neo4j: server/test/neo4j.test.ts. */
import { embeddedHarness } from '../support/stores';
import { describeEditContract } from './edit.contract';

describeEditContract('embedded', embeddedHarness());
