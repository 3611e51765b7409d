/**
 * The service's entry point (`npm start` runs it under server/src/platform/supervisor.ts): the service of
 * server/src with the Batenbrock seed (seed/) as the data of an empty store. The seed is wired in
 * here, outside server/src, so that the service itself does not depend on the seed folder.
 */
import 'reflect-metadata';
import { batenbrock } from '../seed/batenbrock';
import { reason, startService } from './src/platform/start-service';

startService({ initialData: { name: 'the Batenbrock seed', data: batenbrock } }).catch((error) => {
  console.error('Quartiernetz could not start:', reason(error));
  process.exit(1);
});
