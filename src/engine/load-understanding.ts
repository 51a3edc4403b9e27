import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Understanding } from '../../flows/faro/types.ts';
import {
  createUnderstand,
  type LearnedModels,
  loadTraining,
  RISK_CATEGORIES,
  trainModels,
} from '../../flows/understand/index.ts';
import { dropFeatures } from '../../flows/understand/learn/drop-features.ts';
import { trainNetwork } from '../../flows/understand/learn/hidden-layer.ts';
import { trainSoftmax } from '../../flows/understand/learn/softmax-regression.ts';
import { textFeatures } from '../../flows/understand/learn/text-features.ts';
import { featuresOf, modelsFromParts, TRAINING } from '../../flows/understand/learn/train-models.ts';
import { LEXICONS } from '../../flows/understand/lexicon/index.ts';
import { cacheKey, readModelCache, writeModelCache } from './model-cache.ts';

const trained = new Map<string, (text: string) => Understanding>();

/** Where trained models are kept: beside the dependencies, else the system's temporary folder. */
export function modelCacheDirs(rootDir: string): string[] {
  return [join(rootDir, 'node_modules', '.cache', 'faro'), join(tmpdir(), 'faro-cache')];
}

/**
 * The learned layers for the repository's corpora: read from the model cache when the corpora,
 * lexicons and learning code are those it was trained with, else trained now (a few seconds)
 * and kept for the next start.
 */
export function loadModels(rootDir: string): { models: LearnedModels; from: 'cache' | 'training' } {
  const corpora = loadTraining(rootDir);
  const key = cacheKey([
    JSON.stringify(corpora),
    JSON.stringify(LEXICONS),
    JSON.stringify(RISK_CATEGORIES),
    textFeatures.toString(),
    featuresOf.toString(),
    trainSoftmax.toString(),
    trainNetwork.toString(),
    trainModels.toString(),
    JSON.stringify(TRAINING),
    dropFeatures.toString(),
  ]);
  for (const dir of modelCacheDirs(rootDir)) {
    const parts = readModelCache(dir, key);
    if (parts) return { models: modelsFromParts(parts), from: 'cache' };
  }
  const models = trainModels(corpora);
  if (models.parts)
    for (const dir of modelCacheDirs(rootDir)) if (writeModelCache(dir, key, models.parts)) break;
  return { models, from: 'training' };
}

/** The flow's view of a message, trained once per process and root directory (tests build hundreds of apps). */
export function loadUnderstanding(rootDir: string): (text: string) => Understanding {
  let understand = trained.get(rootDir);
  if (!understand) {
    understand = createUnderstandMessage(createUnderstand({ models: loadModels(rootDir).models }));
    trained.set(rootDir, understand);
  }
  return understand;
}

import { createUnderstandMessage } from './understand-message.ts';
