/** One Prometheus text exposition, as `name{labels}` → value (comments dropped). */
export type Scrape = Map<string, number>;

export async function scrapeMetrics(baseUrl: string): Promise<Scrape> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  const text = await res.text();
  const out: Scrape = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    out.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return out;
}

/** The sum of every series of `name` (all label sets). */
export function metricSum(scrape: Scrape, name: string): number {
  let sum = 0;
  for (const [series, value] of scrape) {
    if (series === name || series.startsWith(`${name}{`)) sum += value;
  }
  return sum;
}
