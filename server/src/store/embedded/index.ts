/**
 * The embedded store: the network in one SQLite file under the data directory, in process.
 * The default store of `npm start`; tests use `':memory:'`.
 */
import { EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store';

export { EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store';
export { SCHEMA_VERSION } from './schema';

/** Opens (creating if needed) the database file; call `init()` before use, `close()` at the end. */
export function createEmbeddedStore(options: EmbeddedStoreOptions): EmbeddedStore {
  return new EmbeddedStore(options);
}
