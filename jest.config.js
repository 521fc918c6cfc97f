/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // one PostgreSQL server for the run; every test makes its own database on it (test/databases.ts)
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // End-to-end suites start servers; two workers match the 2-core CI machine.
  maxWorkers: 2,
  testTimeout: 60000,
};
