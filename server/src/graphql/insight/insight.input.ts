import { IsNumber, IsPositive, Max } from 'class-validator';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { IsCalendarDate } from '../common/validators';

export enum BrokerMetric {
  DEGREE = 'DEGREE',
  WEIGHTED_DEGREE = 'WEIGHTED_DEGREE',
  BETWEENNESS = 'BETWEENNESS',
  CLOSENESS = 'CLOSENESS',
}
registerEnumType(BrokerMetric, { name: 'BrokerMetric', description: 'What a broker ranking is ordered by (highest first).' });

@InputType({ description: 'Weigh each shared collaboration by how recent it is: one this many days old counts half.' })
export class RecencyInput {
  @Field(() => String, { description: 'The date ages are measured from (YYYY-MM-DD); collaborations after it count fully.' })
  @IsCalendarDate()
  asOf!: string;

  @Field(() => Float, { defaultValue: 365, description: 'Half-life in days.' })
  @IsNumber()
  @IsPositive()
  @Max(36500)
  halfLifeDays!: number;
}

export const MAX_INSIGHT_ROWS = 1000;
