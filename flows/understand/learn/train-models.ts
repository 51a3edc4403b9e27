import type { Lang } from '../../../src/channels/inbound-message.ts';
import { detectRisk } from '../detect-risk.ts';
import { prepareUtterance } from '../prepare-utterance.ts';
import type { TrainingCorpus } from '../training/load-training.ts';
import { RISK_CATEGORIES, type RiskCategory, type Utterance } from '../types.ts';
import { buildFeatureSpace, type FeatureSpace, featureSpace } from './feature-space.ts';
import { type NetworkModel, networkModel, trainNetwork, unsmoothed } from './hidden-layer.ts';
import { indexNearest, type NearestModel } from './nearest-examples.ts';
import { type SoftmaxModel, softmaxModel, trainSoftmax } from './softmax-regression.ts';
import { textFeatures } from './text-features.ts';

export interface Ranked {
  readonly target: string;
  readonly score: number;
}

/** What the learned layers say about one message, from its features encoded once. */
export interface LearnedModels {
  /** Looks a message's features up once; every model below reads the result. */
  encode(features: readonly string[]): Int32Array;
  /** Probability that the message discloses danger, and the most likely kind. */
  danger(ids: Int32Array): { p: number; category: RiskCategory };
  /** Screens and special targets (`@person`…) best matching the message, best first (top 3). */
  questions(ids: Int32Array, features: readonly string[]): Ranked[];
  /** The language the message is written in, with its probability. */
  language(ids: Int32Array): { lang: Lang; p: number };
  /** Every question target the models know. */
  readonly targets: readonly string[];
  /** The learned numbers, to keep them between starts (null for the nearest-example ranker). */
  readonly parts: ModelParts | null;
}

/** Everything a trained set of models is made of: enough to rebuild it without training. */
export interface ModelParts {
  readonly vocabulary: readonly string[];
  readonly langs: readonly Lang[];
  readonly targets: readonly string[];
  /** The label smoothing the danger network was trained with (its probabilities are put back on the usual scale). */
  readonly dangerSmoothing: number;
  /** The danger network's numbers, packed (see hidden-layer.ts). */
  readonly danger: LearnedNumbers;
  readonly language: LearnedNumbers;
  readonly questions: LearnedNumbers;
}
export interface LearnedNumbers {
  readonly weights: Float32Array;
  readonly bias: Float64Array;
}

export interface TrainingSettings {
  /** Share of a danger example's features hidden at each training step (drop-features.ts). */
  readonly dangerDropout: number;
  readonly dangerEpochs: number;
  /** Label smoothing of the danger network (hidden-layer.ts): the share its targets give the other classes. */
  readonly dangerSmoothing: number;
  readonly questionDropout: number;
}

/**
 * Chosen on training rounds left out (scripts/understanding/experiment-detector.ts,
 * experiment-question-rounds.ts) and then on the dev set through the whole flow. Input dropout
 * (40% of a danger example's features hidden at each step, 20 epochs) ranked danger better on
 * rounds left out (recall at 3% false alarms 78.4 -> 81.2%), but through the flow it did worse:
 * false alarms on dev 3.4 -> 6.0% at equal recall, questions sent to their screen 92.4 -> 89.4%,
 * and a bare "9" read as a lost child (p 0.98), since every rare feature learned to carry a
 * decision alone. Dropout on the question index lowered it too (top-1 83.7 -> 82.7%). Both off.
 */
export const TRAINING: TrainingSettings = {
  dangerDropout: 0,
  dangerEpochs: 12,
  dangerSmoothing: 0.05,
  questionDropout: 0,
};

const DANGER_CLASSES = ['ordinary', ...RISK_CATEGORIES] as const;

export type QuestionRanker = 'softmax' | 'nearest';

/**
 * Safety screens answer questions about danger, and reports of abuse (`@report`: robbed at a
 * checkpoint, a child detained) tell of harm already done: neither is danger nor its opposite.
 */
const isSafetyTarget = (target: string) =>
  target === 'safety' || target.startsWith('safety.') || target === '@report';

/**
 * A message's features: its words and letter n-grams, and what the lexicon heard in it
 * (`lex:<category>`), so the detector learns when a listed phrase is meant ("me quieren matar")
 * and when it is a figure of speech ("me mata el calor jaja").
 */
export function featuresOf(text: string | Utterance): string[] {
  const utterance = typeof text === 'string' ? prepareUtterance(text) : text;
  const features = textFeatures(utterance);
  const heard = detectRisk(utterance);
  if (heard) features.push('lex:any', `lex:${heard.category}`);
  return features;
}

interface Message {
  features: string[];
  lang: number;
  danger?: RiskCategory;
  ordinary?: boolean;
  target?: string;
}

/**
 * Trains the learned layers from the corpora at start (`npm run bench:understanding` prints how
 * long): the danger detector (a small network that reads a message as ordinary or as one kind
 * of danger), the language, and the question index. Deterministic: the same data always gives the same models.
 */
export function trainModels(
  corpora: readonly TrainingCorpus[],
  { ranker = 'softmax', training = TRAINING }: { ranker?: QuestionRanker; training?: TrainingSettings } = {},
): LearnedModels {
  const langs = corpora.map((c) => c.lang);
  const messages: Message[] = [];
  corpora.forEach((corpus, lang) => {
    for (const category of RISK_CATEGORIES)
      for (const text of corpus.danger[category])
        messages.push({ features: featuresOf(text), lang, danger: category });
    for (const text of corpus.ordinary) messages.push({ features: featuresOf(text), lang, ordinary: true });
    for (const [target, texts] of Object.entries(corpus.questions))
      for (const text of texts) messages.push({ features: featuresOf(text), lang, target });
  });
  const targets = [...new Set(messages.flatMap((m) => (m.target ? [m.target] : [])))].sort();
  const space = buildFeatureSpace(messages.map((m) => m.features));
  const encoded = messages.map((m) => ({ ...m, ids: space.encode(m.features) }));
  const dimensions = space.size;

  // Ordinary or one of the kinds of danger: learning the kinds apart helps tell each from
  // its figures of speech ("me mata el calor" is not a threat, "me muero de hambre" not suicide).
  const danger = trainNetwork({
    classes: DANGER_CLASSES,
    dimensions,
    examples: encoded.flatMap((m) => {
      if (m.danger) return [{ ids: m.ids, label: 1 + RISK_CATEGORIES.indexOf(m.danger) }];
      if (m.ordinary) return [{ ids: m.ids, label: 0 }];
      // Questions are ordinary too, but for those about safety itself.
      return m.target && !isSafetyTarget(m.target) ? [{ ids: m.ids, label: 0, weight: 0.5 }] : [];
    }),
    dropout: training.dangerDropout,
    epochs: training.dangerEpochs,
    smoothing: training.dangerSmoothing,
  });
  const language = trainSoftmax({
    classes: langs,
    dimensions,
    examples: encoded.map((m) => ({ ids: m.ids, label: m.lang })),
    epochs: 4,
  });
  const questionExamples = encoded.flatMap((m) =>
    m.target ? [{ ids: m.ids, label: targets.indexOf(m.target) }] : [],
  );
  const questions =
    ranker === 'nearest'
      ? indexNearest({ classes: targets, examples: questionExamples, dimensions })
      : trainSoftmax({
          classes: targets,
          dimensions,
          examples: questionExamples,
          epochs: 10,
          dropout: training.questionDropout,
        });
  return assemble({
    space,
    langs,
    targets,
    danger,
    dangerSmoothing: training.dangerSmoothing,
    language,
    questions,
  });
}

/** The models again from their learned numbers, without training (see src/engine/model-cache.ts). */
export function modelsFromParts(parts: ModelParts): LearnedModels {
  const model = (classes: readonly string[], n: LearnedNumbers) => softmaxModel(classes, n.weights, n.bias);
  return assemble({
    space: featureSpace(parts.vocabulary),
    langs: parts.langs,
    targets: parts.targets,
    danger: networkModel(DANGER_CLASSES, parts.danger),
    dangerSmoothing: parts.dangerSmoothing,
    language: model(parts.langs, parts.language),
    questions: model(parts.targets, parts.questions),
  });
}

function assemble(m: {
  space: FeatureSpace;
  langs: readonly Lang[];
  targets: readonly string[];
  danger: NetworkModel;
  dangerSmoothing: number;
  language: SoftmaxModel;
  questions: SoftmaxModel | NearestModel;
}): LearnedModels {
  const numbers = (x: SoftmaxModel) => ({ weights: x.weights, bias: x.bias });
  const questions = m.questions;
  return {
    targets: m.targets,
    parts:
      'weights' in questions
        ? {
            vocabulary: m.space.vocabulary,
            langs: m.langs,
            targets: m.targets,
            dangerSmoothing: m.dangerSmoothing,
            danger: m.danger.numbers,
            language: numbers(m.language),
            questions: numbers(questions),
          }
        : null,
    encode: (features) => m.space.encode(features),
    danger(ids) {
      const all = m.danger.predict(ids);
      const p = unsmoothed(1 - (all[0] ?? 1), m.dangerSmoothing, DANGER_CLASSES.length);
      return { p, category: RISK_CATEGORIES[argmax(all.subarray(1))] ?? 'violence' };
    },
    questions(ids) {
      const scores = questions.predict(ids);
      return top(scores, 3).map((i) => ({ target: m.targets[i]!, score: scores[i]! }));
    },
    language(ids) {
      const scores = m.language.predict(ids);
      const best = argmax(scores);
      return { lang: m.langs[best] ?? 'es', p: scores[best] ?? 0 };
    },
  };
}

function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

function top(v: ArrayLike<number>, n: number): number[] {
  const picked: number[] = [];
  for (let round = 0; round < n && round < v.length; round++) {
    let best = -1;
    for (let i = 0; i < v.length; i++) if (!picked.includes(i) && (best < 0 || v[i]! > v[best]!)) best = i;
    picked.push(best);
  }
  return picked;
}
