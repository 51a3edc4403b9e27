/**
 * Summarises a `.cpuprofile` (from `bench/webhook.ts --cpu-prof DIR`): where the CPU went, by
 * package or file (self time), by function (self), and by function including its callees.
 *
 *   npx tsx bench/profile-summary.ts FILE [--top 30] [--match engine.ts,twilio] [--messages N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { table } from './report/format-figures.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    match: { type: 'string' },
    /** Inbound messages handled while profiling: prints the stages in ms per message. */
    messages: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(values.top);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** `node_modules/<pkg>` or the project file, or the runtime's own categories. */
function place(url: string): string {
  if (!url) return '(native / V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const project = url.indexOf('/main/');
  return project >= 0 ? url.slice(project + '/main/'.length) : url;
}
const fnName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${place(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const selfByPlace = new Map<string, number>();
const selfByFn = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const key = n.callFrame.url ? place(n.callFrame.url) : n.callFrame.functionName;
  selfByPlace.set(key, (selfByPlace.get(key) ?? 0) + t);
  selfByFn.set(fnName(n), (selfByFn.get(fnName(n)) ?? 0) + t);
}

// Inclusive time per function, counting a recursive function once per stack.
const inclusive = new Map<string, number>();
const onStack = new Map<string, number>();
const walk = (id: number): number => {
  const n = byId.get(id)!;
  const name = fnName(n);
  const depth = onStack.get(name) ?? 0;
  onStack.set(name, depth + 1);
  let t = self.get(id) ?? 0;
  for (const c of n.children ?? []) t += walk(c);
  onStack.set(name, depth);
  if (depth === 0) inclusive.set(name, (inclusive.get(name) ?? 0) + t);
  return t;
};
walk(profile.nodes[0]!.id);

// Self time charged to the nearest project function on the stack (src/, flows/): what a stage
// costs including the library code it calls synchronously (ioredis writes, axios, xstate…).
// Work resumed from a socket (parsing a Redis reply) has no project frame: it is "(no caller)".
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const isProject = (url: string) => /\/main\/(src|flows|bench|test)\//.test(url);
const byCaller = new Map<string, number>();
const callerOf = new Map<number, string>();
for (const [id, t] of self) {
  let cur: number | undefined = id;
  let owner = '(no caller)';
  while (cur !== undefined) {
    const n = byId.get(cur)!;
    if (isProject(n.callFrame.url)) {
      owner = fnName(n);
      break;
    }
    cur = parent.get(cur);
  }
  if (owner === '(no caller)') {
    // No project frame: charge the library that started this work (outermost on the stack).
    const stack: ProfileNode[] = [];
    for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) stack.push(byId.get(c)!);
    const lib = stack.reverse().find((n) => n.callFrame.url.includes('node_modules/'));
    const leaf = byId.get(id)!.callFrame;
    owner = lib ? `(no caller) started in ${place(lib.callFrame.url)}` : `(no caller) ${leaf.functionName}`;
  }
  byCaller.set(owner, (byCaller.get(owner) ?? 0) + t);
  callerOf.set(id, owner);
}

// The three stages of one inbound message in Faro, from the nearest project frame. Store
// calls are charged to the stage that made them (the next stage frame up the stack); a store
// call resumed after its Redis reply has no caller left and is charged by its name.
const STAGES: Array<[string, RegExp]> = [
  [
    '1 webhook: HTTP, signature, parse, dedupe + inbox',
    /webhook-routes|verify-signature|parse-inbound|^accept |^(encrypt|hash) |^(acceptInbound|recordInbound|markPending) |started in (fastify|@fastify)/,
  ],
  [
    '3 send: outbox worker, Twilio API call, status',
    /deliver\.ts|channels\/twilio\/send|api-base-url-client|send-error|^decrypt |^(getMessage|updateMessage|forgetMessage|linkSid) |bullmq-outbox\.ts:[0-9]+$|started in (bullmq|axios|twilio|qs|follow-redirects|form-data|dayjs)/,
  ],
  [
    '2 step: lock, load, flow, reply, commit, hand to outbox',
    /engine\/|flows\/|render\/|i18n\/|handoff\/|^(beginProcessing|finishProcessing|commit|scheduleExpiry|pendingOutbound|ackOutbound|enqueue) |started in (xstate|i18next)/,
  ],
];
const stageOf = (owner: string, stack: string[]): string => {
  if (/^load src\/store/.test(owner)) {
    const caller = stack.find((f) => /deliver\.ts|engine\.ts/.test(f));
    if (caller) return caller.includes('deliver') ? STAGES[1]![0] : STAGES[2]![0];
    return 'store load() resumed (step ×2, send ×1)';
  }
  for (const [name, re] of STAGES) if (re.test(owner)) return name;
  if (/started in ioredis/.test(owner)) return 'ioredis reading replies (all stages)';
  if (/\(idle\)|\(program\)|garbage collector/.test(owner)) return owner.replace('(no caller) ', '');
  if (/started in (tsx|esbuild)|cjs\/loader|esm/.test(owner)) return 'start-up (module loading)';
  if (/started in prom-client|metrics\.ts/.test(owner)) return '/metrics';
  return `other: ${owner}`;
};
const byStage = new Map<string, number>();
/** Within each stage: self time by the package or file of the sampled function itself. */
const stageDetail = new Map<string, Map<string, number>>();
for (const [id, t] of self) {
  const frames: string[] = [];
  for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) frames.push(fnName(byId.get(c)!));
  const owner = callerOf.get(id)!;
  const stage = stageOf(owner, frames);
  byStage.set(stage, (byStage.get(stage) ?? 0) + t);
  const leaf = byId.get(id)!.callFrame;
  const where = leaf.url ? place(leaf.url) : leaf.functionName;
  const detail = stageDetail.get(stage) ?? new Map<string, number>();
  detail.set(where, (detail.get(where) ?? 0) + t);
  stageDetail.set(stage, detail);
}

const share = (t: number) => [`${t.toFixed(0)} ms`, `${((t / totalMs) * 100).toFixed(1)}%`];
const rows = (m: Map<string, number>, filter: (k: string) => boolean = () => true) =>
  [...m.entries()]
    .filter(([k]) => filter(k))
    .sort(([, a], [, b]) => b - a)
    .slice(0, top)
    .map(([k, t]) => [k, ...share(t)]);

const wall = (profile.endTime - profile.startTime) / 1000;
console.log(`${file}: ${totalMs.toFixed(0)} ms sampled over ${wall.toFixed(0)} ms of wall time\n`);
console.log(table([['self time by package / file', 'ms', 'share'], ...rows(selfByPlace)]));
console.log(`\n${table([['self time by function', 'ms', 'share'], ...rows(selfByFn)])}`);
console.log(`\n${table([['self time by nearest project function', 'ms', 'share'], ...rows(byCaller)])}`);
const busy = totalMs - (byStage.get('(idle)') ?? 0);
const perMessage = values.messages ? Number(values.messages) : 0;
const stageRows = [...byStage.entries()]
  .sort(([, a], [, b]) => b - a)
  .slice(0, top)
  .map(([k, t]) => [
    k,
    `${t.toFixed(0)} ms`,
    k === '(idle)' ? '' : `${((t / busy) * 100).toFixed(1)}%`,
    perMessage ? `${(t / perMessage).toFixed(3)} ms` : '',
  ]);
console.log(
  `\n${table([['Faro stage (self time by nearest project function)', 'ms', 'of busy', 'per message'], ...stageRows])}`,
);
for (const [stage] of [...byStage.entries()].filter(([k]) => /^\d /.test(k)).sort()) {
  const detail = [...stageDetail.get(stage)!.entries()].sort(([, a], [, b]) => b - a).slice(0, 10);
  console.log(`\n${stage}: where its time went`);
  console.log(
    table(
      detail.map(([k, t]) => [
        `  ${k}`,
        `${t.toFixed(0)} ms`,
        perMessage ? `${(t / perMessage).toFixed(3)} ms/msg` : '',
      ]),
    ),
  );
}
const matches = values.match?.split(',') ?? [];
const filter = matches.length ? (k: string) => matches.some((m) => k.includes(m)) : undefined;
console.log(`\n${table([['total time (with callees)', 'ms', 'share'], ...rows(inclusive, filter)])}`);
