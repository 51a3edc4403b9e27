import { REVIEW_MONTHS, type ReviewItem } from './review-policy.ts';

/**
 * The review list as staff read it in a terminal or a CI log: what is past due and what comes
 * due soon, each with the pages to re-check, then when the next batch falls due. English, like
 * every staff-facing note in the content.
 */
export function formatReview({
  items,
  today,
  withinDays,
  all = false,
}: {
  items: readonly ReviewItem[];
  today: string;
  withinDays: number;
  /** List every item, not only those past due or due soon. */
  all?: boolean;
}): string {
  const pastDue = items.filter((item) => item.status === 'past_due');
  const dueSoon = items.filter((item) => item.status === 'due');
  const out = [
    `Content review on ${today} (offices, hours and phone numbers: every ${REVIEW_MONTHS.contact} months; ` +
      `law and procedures: every ${REVIEW_MONTHS.law} months)`,
    '',
    ...section(`Past due (${pastDue.length}): still shown, but services always say "call first"`, pastDue),
    ...section(`Due within ${withinDays} days (${dueSoon.length})`, dueSoon),
  ];
  const upcoming = items.filter((item) => item.status === 'ok');
  const next = upcoming[0]?.due;
  if (next) {
    const batch = upcoming.filter((item) => item.due === next);
    out.push(`Next due: ${next}, ${batch.length} item(s): ${batch.map((item) => item.id).join(', ')}`);
  }
  if (all) out.push('', ...section(`Everything else (${upcoming.length})`, upcoming));
  const facts = items.filter((item) => item.type === 'fact').length;
  out.push(
    `Totals: ${facts} facts, ${items.length - facts} directory entries; ` +
      `${pastDue.length} past due, ${dueSoon.length} due within ${withinDays} days.`,
  );
  return out.join('\n');
}

function section(title: string, items: readonly ReviewItem[]): string[] {
  if (items.length === 0) return [title, '  none', ''];
  return [title, ...items.flatMap(describe), ''];
}

function describe(item: ReviewItem): string[] {
  return [
    `  ${item.due}  ${item.type} ${item.id} (${item.reviewClass}, checked ${item.checked})`,
    `      ${item.what}`,
    ...item.sources.map((source) => `      source: ${source}`),
  ];
}
