import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests import renderer modules, which import src/ as @core/, @api/, @features/, @jobs/ (tsconfig.json paths).
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 30_000,
          pool: 'forks',
          // Automatic backups write beside each project: off unless a test turns them on.
          env: { THEMATIC_BACKUPS: 'off' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          env: { THEMATIC_BACKUPS: 'off' },
          fileParallelism: false,
        },
      },
    ],
  },
});
