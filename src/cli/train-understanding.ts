/**
 * npm run train — trains the understanding layer from the repository's corpora and keeps it in
 * the model cache (node_modules/.cache/faro), so that every later start loads it in milliseconds.
 * Run by the Docker build and by CI before the tests; any start trains by itself when needed.
 */
import { ROOT_DIR } from '../build-services.ts';
import { loadModels } from '../engine/load-understanding.ts';

const started = performance.now();
const { from } = loadModels(ROOT_DIR);
const ms = Math.round(performance.now() - started);
console.log(
  from === 'cache' ? `understanding: up to date (${ms} ms)` : `understanding: trained in ${ms} ms and cached`,
);
