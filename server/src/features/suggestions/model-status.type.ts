/** Which suggestion model serves, and how it came to (server/src/features/suggestions/self-fit.ts). */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SuggestionModelSourceEnum {
  FITTED = 'FITTED',
  DEFAULT = 'DEFAULT',
  CONFIGURED = 'CONFIGURED',
}

registerEnumType(SuggestionModelSourceEnum, {
  name: 'SuggestionModelSource',
  description:
    "FITTED: weights fitted on this network's own history; DEFAULT: the walk-first default (history too short, or the fit did not beat it); CONFIGURED: weights given at start.",
});

@ObjectType('SuggestionModelTerm', {
  description: 'One term of the scoring model: weight · min(log(1 + value / scale), cap).',
})
export class SuggestionModelTermType {
  @Field(() => String)
  signal!: string;

  @Field(() => String, { description: 'What it means, in German.' })
  label!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float)
  scale!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The transformed value stops counting here (activity: a small, capped term).',
  })
  cap!: number | null;
}

@ObjectType('HeldOutPrecision', {
  description:
    'Precision@10 on the held-out actors of the history split (each third of them held out in turn, ranked by the model fitted on the other two): the share of each top-10 list that did become a partner after the cut-off.',
})
export class HeldOutPrecisionType {
  @Field(() => Int)
  queries!: number;

  @Field(() => Float, { description: 'The fit, each third ranked by the model fitted without it.' })
  fitted!: number;

  @Field(() => Float, { description: 'The default model.' })
  default!: number;

  @Field(() => Float, { description: 'Katz alone (β = 0.005), the reference.' })
  katz!: number;

  @Field(() => Int, {
    description:
      "Distinct actors over the fit's top-10 lists of the held-out actors (catalogue coverage); it serves only if this is at least 1.1 times Katz's.",
  })
  fittedCoverage!: number;

  @Field(() => Int, { description: "Distinct actors over Katz's top-10 lists of the held-out actors." })
  katzCoverage!: number;
}

@ObjectType('SuggestionModelStatus', {
  description: 'Which model ranks contact suggestions, when it was fitted and how well it did on held-out history.',
})
export class SuggestionModelStatusType {
  @Field(() => SuggestionModelSourceEnum)
  source!: SuggestionModelSourceEnum;

  @Field(() => String, { description: 'The serving model: fitted, default or the configured one.' })
  name!: string;

  @Field(() => [SuggestionModelTermType])
  terms!: SuggestionModelTermType[];

  @Field(() => Boolean, { description: 'A fit runs now in the background; the model shown serves meanwhile.' })
  fitting!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When the last fit ended (ISO-8601); null before the first or when configured.',
  })
  fittedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why this model serves.' })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The history split: collaborations starting before it were the past, the new pairs after it the answers.',
  })
  cutoff!: string | null;

  @Field(() => Int, { description: 'Actors the weights were fitted on.' })
  fitQueries!: number;

  @Field(() => HeldOutPrecisionType, {
    nullable: true,
    description: 'Null when the history was too short to hold any back.',
  })
  heldOut!: HeldOutPrecisionType | null;

  @Field(() => Int, { description: 'Actors of the network when it was fitted (a tenth more or less starts a refit).' })
  fittedOnActors!: number;

  @Field(() => Int)
  fittedOnCollaborations!: number;
}
