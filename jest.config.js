// One jest run, several projects: unit tests sit next to the code; test/ holds the rest.
// Babel runs with configFile: false so babel-preset-taro (meant for the Taro build) stays out of jest.
const babel = {
  configFile: false,
  babelrc: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
}
const transform = { '^.+\\.[jt]sx?$': ['babel-jest', babel] }
const common = { transform, testPathIgnorePatterns: ['/node_modules/', '/dist', '/.data/'] }

module.exports = {
  // Integration and browser calls go through the local cloud on two cores shared by parallel suites
  // (one races 500 sign-ups): a slow call is not a failure; the assertions are. (A global option:
  // jest ignores it inside a project.)
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{types,cloudfunctions,emulator,deploy}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'app',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      moduleNameMapper: {
        '^@/(.*)$': '<rootDir>/src/$1',
        '\\.(css|scss)$': '<rootDir>/test/support/style-stub.js',
        '^@tarojs/taro$': '<rootDir>/test/support/taro-mock.ts',
        '^@tarojs/components$': '<rootDir>/test/support/components-mock.tsx',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
}
