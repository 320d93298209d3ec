/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['<rootDir>/test/setup/bind-globals-transform.js', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  setupFiles: ['<rootDir>/test/setup/custom-functions-global.ts', '<rootDir>/test/setup/jsdom-layout.ts'],
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
};
