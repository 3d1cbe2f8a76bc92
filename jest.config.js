const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Transpiled only (tsconfig.json sets isolatedModules): the types of src and tests are checked by `npm run lint`.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  cacheDirectory: '<rootDir>/.cache/jest',
  // A folder per run where suites share what is costly to make once (the task pane's production build).
  globalSetup: '<rootDir>/tests/global-setup.ts',
  globalTeardown: '<rootDir>/tests/global-teardown.ts',
  // Jest's default (one worker fewer than the cores) leaves one core of two idle: its main process only waits.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testTimeout: 60000,
};
