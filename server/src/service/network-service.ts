/**
 * The application service: every write goes through here, to the store first and then into the
 * projection, one at a time; questions about the shape of the network are answered from the
 * projection. It knows neither GraphQL nor the store's technology.
 */
import { NotFoundError } from '../domain/errors';
import type { Actor, Collaboration, Interest, Participation, ParticipationRole, Topic } from '../domain/model';
import { checkDateRange } from '../domain/validation';
import { networkView, type NetworkView, type NetworkViewOptions } from '../graph/network-view';
import { shortestChain, type ActorChain } from '../graph/paths';
import { NetworkProjection } from '../graph/projection';
import type { ScopeFilter } from '../graph/scope';
import type {
  ActorPatch,
  CollaborationPatch,
  CreateActorInput,
  CreateCollaborationInput,
  CreateTopicInput,
  GraphData,
  InterestInput,
  MergeReport,
  NetworkStore,
  TopicPatch,
} from '../store/network-store';
import { SerialQueue } from './serial-queue';

export class NetworkService {
  private readonly writes = new SerialQueue();

  private constructor(
    readonly store: NetworkStore,
    readonly projection: NetworkProjection,
  ) {}

  /** Builds the projection from the store. */
  static async start(store: NetworkStore): Promise<NetworkService> {
    return new NetworkService(store, NetworkProjection.fromSnapshot(await store.loadSnapshot()));
  }

  /** Rebuilds the projection from the store (after writes that bypassed the service). */
  rebuildProjection(): Promise<void> {
    return this.writes.run(async () => this.projection.load(await this.store.loadSnapshot()));
  }

  // --- questions answered from the projection --------------------------------------------------

  shortestChain(fromId: string, toId: string, filter: ScopeFilter = {}): ActorChain | null {
    this.requireActor(fromId);
    this.requireActor(toId);
    return shortestChain(this.projection, fromId, toId, filter);
  }

  network(options: NetworkViewOptions): NetworkView {
    if (options.centreActorId) this.requireActor(options.centreActorId);
    return networkView(this.projection, options);
  }

  private requireActor(id: string): void {
    if (!this.projection.actors.has(id)) throw new NotFoundError('Actor', id);
  }

  // --- writes ----------------------------------------------------------------------------------

  createActor(input: CreateActorInput): Promise<Actor> {
    return this.writes.run(async () => {
      const actor = await this.store.createActor(input);
      this.projection.upsertActor(actor.id, actor.kind);
      return actor;
    });
  }

  updateActor(id: string, patch: ActorPatch, expectedVersion?: number | null): Promise<Actor> {
    return this.writes.run(async () => {
      const actor = await this.store.updateActor(id, patch, expectedVersion);
      this.projection.upsertActor(actor.id, actor.kind);
      return actor;
    });
  }

  deleteActor(id: string): Promise<void> {
    return this.writes.run(async () => {
      await this.store.deleteActor(id);
      this.projection.removeActor(id);
    });
  }

  setActorInterests(actorId: string, interests: InterestInput[]): Promise<Interest[]> {
    return this.writes.run(async () => {
      const stored = await this.store.setActorInterests(actorId, interests);
      this.projection.setInterests(actorId, stored.map((i) => i.topicId));
      return stored;
    });
  }

  createTopic(input: CreateTopicInput): Promise<Topic> {
    return this.writes.run(async () => {
      const topic = await this.store.createTopic(input);
      this.projection.addTopic(topic.id);
      return topic;
    });
  }

  updateTopic(id: string, patch: TopicPatch): Promise<Topic> {
    return this.writes.run(() => this.store.updateTopic(id, patch));
  }

  deleteTopic(id: string): Promise<void> {
    return this.writes.run(async () => {
      await this.store.deleteTopic(id);
      this.projection.removeTopic(id);
    });
  }

  createCollaboration(input: CreateCollaborationInput): Promise<Collaboration> {
    checkDateRange(input.startDate, input.endDate);
    return this.writes.run(async () => {
      const collaboration = await this.store.createCollaboration(input);
      this.projection.upsertCollaboration(collaboration.id, collaboration, input.topicIds ?? []);
      for (const p of input.participants ?? []) this.projection.addParticipant(collaboration.id, p.actorId);
      return collaboration;
    });
  }

  updateCollaboration(id: string, patch: CollaborationPatch): Promise<Collaboration> {
    return this.writes.run(async () => {
      const [current] = await this.store.getCollaborations([id]);
      if (!current) throw new NotFoundError('Collaboration', id);
      checkDateRange(
        patch.startDate !== undefined ? patch.startDate : current.startDate,
        patch.endDate !== undefined ? patch.endDate : current.endDate,
      );
      const collaboration = await this.store.updateCollaboration(id, patch);
      this.projection.upsertCollaboration(collaboration.id, collaboration, patch.topicIds);
      return collaboration;
    });
  }

  deleteCollaboration(id: string): Promise<void> {
    return this.writes.run(async () => {
      await this.store.deleteCollaboration(id);
      this.projection.removeCollaboration(id);
    });
  }

  addParticipant(collaborationId: string, actorId: string, role: ParticipationRole): Promise<Participation> {
    return this.writes.run(async () => {
      const participation = await this.store.addParticipant(collaborationId, actorId, role);
      this.projection.addParticipant(collaborationId, actorId);
      return participation;
    });
  }

  removeParticipant(collaborationId: string, actorId: string): Promise<boolean> {
    return this.writes.run(async () => {
      const removed = await this.store.removeParticipant(collaborationId, actorId);
      this.projection.removeParticipant(collaborationId, actorId);
      return removed;
    });
  }

  /** Bulk merge (seed, import); the projection is rebuilt from the store afterwards. */
  mergeGraph(data: GraphData): Promise<MergeReport> {
    for (const [i, c] of data.collaborations.entries()) checkDateRange(c.startDate, c.endDate, `collaborations[${i}].`);
    return this.writes.run(async () => {
      const report = await this.store.mergeGraph(data);
      this.projection.load(await this.store.loadSnapshot());
      return report;
    });
  }

  /** Resolves when every write queued so far is done (graceful shutdown). */
  drain(): Promise<void> {
    return this.writes.idle();
  }
}
