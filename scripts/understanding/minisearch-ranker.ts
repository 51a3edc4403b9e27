import MiniSearch from 'minisearch';
import { foldWord, normalizeText } from '../../flows/understand/index.ts';
import type { LearnedModels } from '../../flows/understand/learn/train-models.ts';
import type { TrainingCorpus } from '../../flows/understand/training/load-training.ts';

/**
 * The question index built with MiniSearch (BM25 over words, fuzzy and prefix matching), for
 * comparison with the learned rankers: each paraphrase is a document, a screen scores as its
 * best document, and scores are scaled to 0..1 by the best so thresholds stay comparable.
 */
export function withMiniSearch(models: LearnedModels, corpora: readonly TrainingCorpus[]): LearnedModels {
  const search = new MiniSearch<{ id: number; text: string; target: string }>({
    fields: ['text'],
    storeFields: ['target'],
    processTerm: (term) => foldWord(normalizeText(term)) || null,
  });
  let id = 0;
  search.addAll(
    corpora.flatMap((c) =>
      Object.entries(c.questions).flatMap(([target, texts]) =>
        texts.map((text) => ({ id: id++, text, target })),
      ),
    ),
  );
  return {
    ...models,
    questions(_ids, features) {
      // The learned models take feature ids; MiniSearch needs the words back.
      const text = features
        .filter((f) => f.startsWith('w:'))
        .map((f) => f.slice(2))
        .join(' ');
      const hits = search.search(text, { fuzzy: 0.2, prefix: true, combineWith: 'OR' });
      const best = new Map<string, number>();
      for (const h of hits) if (!best.has(h.target as string)) best.set(h.target as string, h.score);
      const top = hits[0]?.score ?? 1;
      return [...best.entries()]
        .slice(0, 3)
        .map(([target, score]) => ({ target, score: Math.min(1, score / Math.max(top, 25)) }));
    },
  };
}
