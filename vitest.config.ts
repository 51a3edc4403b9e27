import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 20_000, hookTimeout: 30_000 };

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          ...shared,
          name: 'unit and integration',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'flows/**/*.test.ts'],
          exclude: ['test/faults/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real processes killed and restarted, thousands of messages: each needs the machine to
        // itself, so these run after everything else, one file at a time.
        test: {
          ...shared,
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
