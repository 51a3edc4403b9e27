/**
 * Profiles the process it is loaded into (`--import` through NODE_OPTIONS, where Node refuses
 * `--cpu-prof`) and writes a `.cpuprofile` into CPU_PROFILE_DIR when the process exits. Open it
 * in Chrome DevTools or summarise it with `npx tsx bench/profile-summary.ts FILE`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
process.on('exit', () => {
  // An in-process inspector session answers synchronously, so this runs before the exit.
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    writeFileSync(join(dir, `faro-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
