import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RISK_CATEGORIES, type RiskCategory } from '../../../flows/understand/index.ts';
import { unsmoothed } from '../../../flows/understand/learn/hidden-layer.ts';
import {
  featuresOf as featuresOfText,
  modelsFromParts,
  TRAINING,
  trainModels,
} from '../../../flows/understand/learn/train-models.ts';
import type { TrainingCorpus } from '../../../flows/understand/training/load-training.ts';
import { readModelCache, writeModelCache } from '../../../src/engine/model-cache.ts';

const danger = Object.fromEntries(RISK_CATEGORIES.map((c) => [c, [] as string[]])) as Record<
  RiskCategory,
  string[]
>;
danger.suicide.push('ya no quiero vivir', 'me voy a matar hoy', 'quiero morirme ya');
danger.threat.push('me dijeron que me van a matar', 'un hombre me sigue desde el parque');
danger.lost_child.push('no encuentro a mi hijo', 'mi nina se perdio en el mercado');

const corpus: TrainingCorpus = {
  lang: 'es',
  danger,
  ordinary: ['me muero de risa jaja', 'gracias por todo', 'donde queda el albergue', 'hace mucho calor'],
  questions: {
    'asylum.deadline': ['cuantos dias tengo para pedir refugio', 'hay plazo para la comar'],
    'school.enrol': ['puedo inscribir a mi hija en la escuela', 'escuela sin papeles'],
  },
};

describe('the danger probability of a network trained with label smoothing', () => {
  it('is put back on the usual scale: the two ends training aims at become 0 and 1, in order', () => {
    const k = RISK_CATEGORIES.length + 1;
    expect(unsmoothed(0.05, 0.05, k)).toBe(0);
    expect(unsmoothed(1 - 0.05 / (k - 1), 0.05, k)).toBeCloseTo(1, 12);
    expect(unsmoothed(0.01, 0.05, k)).toBe(0);
    expect(unsmoothed(0.999, 0.05, k)).toBe(1);
    const ps = [0.06, 0.2, 0.35, 0.5, 0.8, 0.95];
    const mapped = ps.map((p) => unsmoothed(p, 0.05, k));
    expect([...mapped].sort((a, b) => a - b)).toEqual(mapped);
    expect(unsmoothed(0.42, 0, k)).toBe(0.42); // no smoothing: unchanged
  });
});

describe('models kept in the cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faro-model-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answer as the models just trained, the label smoothing of the danger network included', () => {
    const training = { ...TRAINING, dangerSmoothing: 0.05 };
    const trained = trainModels([corpus], { training });
    expect(trained.parts?.dangerSmoothing).toBe(0.05);
    expect(writeModelCache(dir, 'test', trained.parts!)).toBe(true);
    const parts = readModelCache(dir, 'test');
    expect(parts?.dangerSmoothing).toBe(0.05);
    const loaded = modelsFromParts(parts!);
    // The same numbers read as if trained without smoothing would give other probabilities.
    const unscaled = modelsFromParts({ ...parts!, dangerSmoothing: 0 });
    for (const text of ['ya no quiero vivir', 'gracias por todo', 'un hombre me sigue', 'hace calor']) {
      const ids = (m: typeof trained) => m.encode(featuresOfText(text));
      expect(loaded.danger(ids(loaded))).toEqual(trained.danger(ids(trained)));
      expect(loaded.questions(ids(loaded), [])).toEqual(trained.questions(ids(trained), []));
      expect(unscaled.danger(ids(unscaled)).p).not.toBe(trained.danger(ids(trained)).p);
    }
    expect(trained.danger(trained.encode(featuresOfText('ya no quiero vivir'))).p).toBeGreaterThan(
      trained.danger(trained.encode(featuresOfText('gracias por todo'))).p,
    );
  });
});
