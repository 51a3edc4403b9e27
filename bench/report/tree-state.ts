import { execFileSync } from 'node:child_process';

/** Which code was measured: the commit, and whether src/, flows/ or locales/ differ from it. */
export function treeState(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('log', '-1', '--format=%h %s');
    const changed = git('status', '--porcelain', '--', 'src', 'flows', 'locales');
    return `${commit}${changed ? ` (+ ${changed.split('\n').length} uncommitted changes in src/flows/locales)` : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}
