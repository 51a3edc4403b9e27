/**
 * After a benchmark has cleaned up: if a handle is still open (a socket a library kept), say
 * so and exit anyway, so that a run never hangs after printing its figures.
 */
export function exitWhenDone(graceMs = 5_000): void {
  setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    console.error(`still running ${graceMs / 1000} s after cleaning up (open: ${open.join(', ')}): exiting`);
    process.exit(process.exitCode ?? 0);
  }, graceMs).unref();
}
