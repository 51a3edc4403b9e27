import { dropBuffer, dropFeatures } from './drop-features.ts';
import { seededRandom, shuffleInPlace } from './seeded-random.ts';
import type { SoftmaxOptions } from './softmax-regression.ts';
import type { LearnedNumbers } from './train-models.ts';

export interface NetworkModel {
  readonly classes: readonly string[];
  /** Probability of each class, in the order of `classes`. */
  predict(ids: Int32Array): Float64Array;
  /**
   * The learned numbers packed as one weight and one bias array, to keep between starts:
   * weights = first layer (feature × hidden) then second (hidden × class); bias = the hidden
   * units' then the classes'. The hidden size is `bias.length - classes.length`.
   */
  readonly numbers: LearnedNumbers;
}

/** As for the linear models, with the size of the hidden layer. */
export interface NetworkOptions extends SoftmaxOptions {
  readonly hidden?: number;
  /**
   * Weight decay: at each step the weights the step reads shrink by `learningRate × decay`
   * (only those: the features of the message and the second layer), so no single feature can
   * grow to carry a decision alone. 0 by default.
   */
  readonly decay?: number;
  /** Label smoothing: the target gives this share to the other classes. 0 by default. */
  readonly smoothing?: number;
}

/**
 * A network with one hidden layer (ReLU) over the same sparse features as the linear models,
 * trained by stochastic gradient descent. Unlike a linear model it can learn that two pieces
 * mean more together than apart: "muero" with "risa" is a figure of speech, "muero" with
 * "sangre" is not. Chosen for the danger detector on the dev set and on training rounds left
 * out (`scripts/understanding/experiment-detector.ts`).
 */
export function trainNetwork(options: NetworkOptions): NetworkModel {
  const { classes, examples, dimensions } = options;
  const hidden = options.hidden ?? 64;
  const epochs = options.epochs ?? 12;
  const rate = options.learningRate ?? 0.05;
  const k = classes.length;
  const random = seededRandom(options.seed ?? 7);
  const weights = new Float32Array(dimensions * hidden + hidden * k);
  for (let i = 0; i < weights.length; i++) weights[i] = (random() - 0.5) * 0.2;
  const bias = new Float64Array(hidden + k);
  const net = layers(weights, bias, dimensions, hidden, k);
  const dh = new Float64Array(hidden);
  const order = examples.filter((e) => e.ids.length > 0);
  const buffer = dropBuffer(order);
  const decay = options.decay ?? 0;
  const smoothing = options.smoothing ?? 0;
  const target = (c: number, label: number) => (c === label ? 1 - smoothing : smoothing / Math.max(1, k - 1));

  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = rate / (1 + epoch * 0.3);
    const shrink = 1 - lr * decay;
    for (const ex of shuffleInPlace(order, random)) {
      const ids = dropFeatures(ex.ids, options.dropout ?? 0, random, buffer);
      const { h, out, x } = net.forward(ids);
      const w = ex.weight ?? 1;
      dh.fill(0);
      for (let c = 0; c < k; c++) {
        const g = w * (out[c]! - target(c, ex.label));
        bias[hidden + c] = bias[hidden + c]! - lr * g;
        for (let j = 0; j < hidden; j++) {
          const at = net.second + j * k + c;
          dh[j] = dh[j]! + g * weights[at]!;
          weights[at] = weights[at]! * shrink - lr * g * h[j]!;
        }
      }
      for (let j = 0; j < hidden; j++) {
        if (h[j]! <= 0) dh[j] = 0;
        bias[j] = bias[j]! - lr * dh[j]!;
      }
      for (let i = 0; i < ids.length; i++) {
        const base = ids[i]! * hidden;
        for (let j = 0; j < hidden; j++) weights[base + j] = weights[base + j]! * shrink - lr * dh[j]! * x;
      }
    }
  }
  return networkModel(classes, { weights, bias });
}

/**
 * A danger probability of a network trained with label smoothing `s` over `k` classes, put back
 * on the scale of one trained without: training aims an ordinary message at p(danger) = s and
 * a danger message at 1 - s / (k - 1), so those two ends map to 0 and 1. Monotone: the order of
 * messages, and so every threshold-free figure, is unchanged.
 */
export function unsmoothed(p: number, s: number, k: number): number {
  if (s <= 0) return p;
  const low = s;
  const high = 1 - s / (k - 1);
  return Math.min(1, Math.max(0, (p - low) / (high - low)));
}

/** A network from its learned numbers: freshly trained, or read back from the cache. */
export function networkModel(classes: readonly string[], numbers: LearnedNumbers): NetworkModel {
  const k = classes.length;
  const hidden = numbers.bias.length - k;
  const dimensions = (numbers.weights.length - hidden * k) / hidden;
  if (hidden < 1 || !Number.isInteger(dimensions))
    throw new Error('network numbers do not fit their classes');
  const net = layers(numbers.weights, numbers.bias, dimensions, hidden, k);
  return {
    classes,
    numbers,
    predict: (ids) => Float64Array.from(net.forward(ids).out),
  };
}

/** The forward pass, writing into buffers it owns (one message at a time, as JavaScript runs). */
function layers(weights: Float32Array, bias: Float64Array, dimensions: number, hidden: number, k: number) {
  const second = dimensions * hidden;
  const h = new Float64Array(hidden);
  const out = new Float64Array(k);
  return {
    second,
    forward(ids: Int32Array) {
      const x = ids.length ? 1 / Math.sqrt(ids.length) : 0;
      for (let j = 0; j < hidden; j++) h[j] = bias[j]!;
      for (let i = 0; i < ids.length; i++) {
        const base = ids[i]! * hidden;
        for (let j = 0; j < hidden; j++) h[j] = h[j]! + weights[base + j]! * x;
      }
      for (let j = 0; j < hidden; j++) if (h[j]! < 0) h[j] = 0;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let v = bias[hidden + c]!;
        for (let j = 0; j < hidden; j++) v += h[j]! * weights[second + j * k + c]!;
        out[c] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        out[c] = Math.exp(out[c]! - max);
        sum += out[c]!;
      }
      for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
      return { h, out, x };
    },
  };
}
