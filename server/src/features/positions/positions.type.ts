/** Map positions kept on the server, as the API shows and takes them (rules: positions-rules.ts). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('NodePosition', {
  description: 'Where one node of a view stands on the map (Cytoscape model coordinates).',
})
export class NodePositionType {
  @Field(() => ID, { description: 'The node id of the map: "actor:<id>", "topic:<id>" or "cluster:<id>".' })
  id!: string;
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
}

@InputType('NodePositionInput', { description: 'Where one node of a view stands on the map.' })
export class NodePositionInput {
  @Field(() => ID, { description: 'The node id of the map: "actor:<id>", "topic:<id>" or "cluster:<id>".' })
  id!: string;
  @Field(() => Float, { description: `Finite, within ±10,000,000.` }) x!: number;
  @Field(() => Float, { description: `Finite, within ±10,000,000.` }) y!: number;
}

@ObjectType('ViewPositions', {
  description:
    'The positions an editor saved for one view scope of the map, read by everyone who opens that view, so the map looks the same for a colleague or a projector without a new layout.',
})
export class ViewPositionsType {
  @Field(() => String, { description: 'The view scope (see the viewPositions query).' })
  scope!: string;
  @Field(() => [NodePositionType])
  positions!: NodePositionType[];
  /** Who saved them (the field savedBy, for editors). */
  author!: string;
  @Field(() => String, { description: 'When they were saved (ISO-8601).' })
  savedAt!: string;
  @Field(() => Int, {
    description: '1 for the first save, one more for each after: the expectedVersion of the next save.',
  })
  version!: number;
}
