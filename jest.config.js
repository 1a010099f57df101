// Jest runs TypeScript through SWC as native ESM (the package is "type": "module"); tsc checks types separately.
/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } },
    ],
  },
  // Sources import siblings with the ".js" extension NodeNext requires; jest resolves them to the .ts files.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  roots: ["<rootDir>/shared", "<rootDir>/cli", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60_000,
};

export default config;
