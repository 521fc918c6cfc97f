/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // End-to-end suites start servers; two workers match the 2-core CI machine.
  maxWorkers: 2,
  testTimeout: 60000,
};
