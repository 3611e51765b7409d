/** What the editing flows need from the page (given by main.ts through installEditing). */
import type { Role } from '../auth';

export interface EditHost {
  role: Role;
  /** How the history names this page's writes (`key:<name>`): editors may undo their own changes. */
  author: string;
  /** Reloads the map after a write (kept positions stay; new nodes are placed next to their partners). */
  refresh(): Promise<void>;
  /** Opens an actor's panel (and shows it on the map). */
  select(actorId: string): void;
  /** Re-opens the panel of the actor shown (after its data changed), or closes it when it is gone. */
  reopenPanel(actorId: string | null): void;
}
