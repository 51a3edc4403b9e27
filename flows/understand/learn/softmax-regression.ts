import { dropBuffer, dropFeatures } from './drop-features.ts';
import { seededRandom, shuffleInPlace } from './seeded-random.ts';

/** A gradient this small moves no prediction: skipping it makes training with many classes fast. */
const NEGLIGIBLE = 1e-3;

export interface EncodedExample {
  /** Feature ids (see feature-space.ts), no duplicates. */
  readonly ids: Int32Array;
  /** Index into the model's classes. */
  readonly label: number;
  /** How much this example counts (default 1). */
  readonly weight?: number;
}

export interface SoftmaxModel {
  readonly classes: readonly string[];
  /** Probability of each class, in the order of `classes`. */
  predict(ids: Int32Array): Float64Array;
  /** The learned numbers, to keep a trained model between starts (see model-cache). */
  readonly weights: Float32Array;
  readonly bias: Float64Array;
}

export interface SoftmaxOptions {
  readonly classes: readonly string[];
  readonly examples: readonly EncodedExample[];
  /** Size of the feature space. */
  readonly dimensions: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  /** Share of each message's features hidden from a training step (see drop-features.ts); 0 by default. */
  readonly dropout?: number;
}

/**
 * Multinomial logistic regression over sparse binary features, trained by stochastic gradient
 * descent with a decaying rate (few epochs act as the regulariser). Each message's features are
 * scaled to unit length, so a long message does not outvote a short one. The cost is
 * features × classes per example and epoch: small enough to train at start.
 */
export function trainSoftmax(options: SoftmaxOptions): SoftmaxModel {
  const { classes, examples, dimensions } = options;
  const epochs = options.epochs ?? 10;
  const rate = options.learningRate ?? 0.5;
  const k = classes.length;
  const weights = new Float32Array(dimensions * k);
  const bias = new Float64Array(k);
  const scores = new Float64Array(k);
  const gradient = new Float64Array(k);
  const active = new Int32Array(k);
  const random = seededRandom(options.seed ?? 7);
  const order = examples.filter((e) => e.ids.length > 0);
  const buffer = dropBuffer(order);

  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = rate / (1 + epoch * 0.5);
    for (const ex of shuffleInPlace(order, random)) {
      const ids = dropFeatures(ex.ids, options.dropout ?? 0, random, buffer);
      const x = 1 / Math.sqrt(ids.length);
      scoreInto(scores, ids, x, weights, bias, k);
      const w = ex.weight ?? 1;
      // Only classes with a gradient worth applying: with many classes, most have p ≈ 0.
      let n = 0;
      for (let c = 0; c < k; c++) {
        const g = w * (scores[c]! - (c === ex.label ? 1 : 0));
        if (g > -NEGLIGIBLE && g < NEGLIGIBLE) continue;
        bias[c] = bias[c]! - lr * g * 0.1;
        gradient[n] = lr * g * x;
        active[n++] = c;
      }
      for (let i = 0; i < ids.length; i++) {
        const base = ids[i]! * k;
        for (let j = 0; j < n; j++) {
          const at = base + active[j]!;
          weights[at] = weights[at]! - gradient[j]!;
        }
      }
    }
  }

  return softmaxModel(classes, weights, bias);
}

/** A model from its learned numbers: freshly trained, or read back from the cache. */
export function softmaxModel(
  classes: readonly string[],
  weights: Float32Array,
  bias: Float64Array,
): SoftmaxModel {
  const k = classes.length;
  return {
    classes,
    weights,
    bias,
    predict(ids) {
      const out = new Float64Array(k);
      scoreInto(out, ids, ids.length ? 1 / Math.sqrt(ids.length) : 0, weights, bias, k);
      return out;
    },
  };
}

/** Scores into `out`, then turns them into probabilities in place. */
function scoreInto(
  out: Float64Array,
  ids: Int32Array,
  x: number,
  weights: Float32Array,
  bias: Float64Array,
  k: number,
) {
  for (let c = 0; c < k; c++) out[c] = bias[c]!;
  for (let i = 0; i < ids.length; i++) {
    const base = ids[i]! * k;
    for (let c = 0; c < k; c++) out[c] = out[c]! + weights[base + c]! * x;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (out[c]! > max) max = out[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
}
