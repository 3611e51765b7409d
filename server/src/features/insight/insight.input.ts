import { IsNumber, Max, Min } from 'class-validator';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { IsCalendarDate } from '../../platform/graphql/common/validators';

export enum BrokerMetric {
  DEGREE = 'DEGREE',
  WEIGHTED_DEGREE = 'WEIGHTED_DEGREE',
  BETWEENNESS = 'BETWEENNESS',
  CLOSENESS = 'CLOSENESS',
}
registerEnumType(BrokerMetric, {
  name: 'BrokerMetric',
  description: 'What a broker ranking is ordered by (highest first).',
});

@InputType({ description: 'Weigh each shared collaboration by how recent it is: one this many days old counts half.' })
export class RecencyInput {
  @Field(() => String, {
    description: 'The date ages are measured from (YYYY-MM-DD); collaborations after it count fully.',
  })
  @IsCalendarDate()
  asOf!: string;

  @Field(() => Float, { defaultValue: 365, description: 'Half-life in days, 1–36500.' })
  @IsNumber()
  @Min(1)
  @Max(36500)
  halfLifeDays!: number;
}

export const MAX_INSIGHT_ROWS = 1000;
/** Louvain's resolution: above this every actor is a cluster of its own anyway. */
export const MAX_CLUSTER_RESOLUTION = 100;
/** A hundred years. */
export const MAX_WINDOW_DAYS = 36_500;
