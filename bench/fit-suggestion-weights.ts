/**
 * `npm run fit:suggestions`: fits the weights of the shipped suggestion model on the real H2020
 * network, on windows before the evaluation's cut-off only (bench/eval/training.ts), and prints
 * them as the `DEFAULT_MODEL` of server/src/suggest/weights.ts. Deterministic: the same data give
 * the same weights.
 */
import { h2020Available, H2020_DIR, loadH2020 } from './eval/h2020';
import { fitOnWindows, H2020_TRAINING_WINDOWS } from './eval/training';

function main(): void {
  if (!h2020Available()) throw new Error(`the H2020 data is not at ${H2020_DIR}`);
  const started = Date.now();
  const report = fitOnWindows(loadH2020(), H2020_TRAINING_WINDOWS, 'present');
  console.log('windows:', JSON.stringify(report.windows));
  console.log('fitted weights (0 = dropped):', report.weights, `loss ${report.loss.toFixed(4)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log('\nexport const DEFAULT_MODEL: ScoringModel = ' + JSON.stringify(report.model, null, 2).replace(/"(\w+)":/g, '$1:').replace(/"/g, "'") + ';');
}

main();
