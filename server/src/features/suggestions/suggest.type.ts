/**
 * Contact suggestions and topic matches as the API shows them. The objects carry ids (from the
 * projection); actors, topics and collaborations are resolved through the request's loaders.
 */
import { Field, Float, ObjectType } from 'type-graphql';
import type { Explanation } from './explain';
import type { ScorePart } from './model';

@ObjectType('ScorePart', { description: "One part of a suggestion's score: a signal, its value and what it added." })
export class ScorePartType {
  @Field(() => String, {
    description:
      'The signal: randomWalk | topics | activity | katz | resourceAllocation | collaborations | adamicAdar | commonNeighbours.',
  })
  name!: string;

  @Field(() => String, { description: 'What it means, in German.' })
  label!: string;

  @Field(() => Float, {
    description: "The signal's value (a cosine, a Katz index, a number of partners or collaborations).",
  })
  value!: number;

  @Field(() => Float, { description: 'What it added to the score: weight · log(1 + value / scale).' })
  contribution!: number;
}

@ObjectType('SharedTopic', { description: 'A topic both actors have (interest or collaboration topic).' })
export class SharedTopicType {
  topicId!: string;

  @Field(() => Float, {
    description: 'How rare the topic is: ln(actors with topics / actors with this one); 0 for a topic everybody has.',
  })
  weight!: number;
}

@ObjectType('MutualCollaborator', {
  description: 'A partner both actors already work with, and the collaborations that connect it to each.',
})
export class MutualCollaboratorType {
  actorId!: string;
  withActorIds!: string[];
  withSuggestedIds!: string[];
}

@ObjectType('ContactSuggestion', { description: 'An actor to meet, with the score and the reasons.' })
export class ContactSuggestionType {
  actorId!: string;
  explanationData!: Explanation;
  scoreParts!: ScorePart[];

  @Field(() => Float, {
    description: 'The sum of the parts (log-odds of a fitted model, without its constant): higher is better.',
  })
  score!: number;
}

@ObjectType('TopicMatch', { description: 'An actor ranked by topics alone.' })
export class TopicMatchType {
  actorId!: string;
  shared!: Array<{ topicId: string; weight: number }>;

  @Field(() => Float, { description: 'Cosine of the IDF-weighted topic vectors, 0–1.' })
  score!: number;
}
