import { createUnderstand } from '../../flows/understand/index.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { loadModels, loadUnderstanding } from '../../src/engine/load-understanding.ts';

/** The flow's view of a message, from the repository's trained models (trained once per test file). */
export const understandMessage = loadUnderstanding(ROOT_DIR);

let raw: ReturnType<typeof createUnderstand> | null = null;
/** The understanding layer's own, richer answer. */
export function understand(text: string) {
  raw ??= createUnderstand({ models: loadModels(ROOT_DIR).models });
  return raw(text);
}
