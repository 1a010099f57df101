// Jest runs TypeScript through SWC as native ESM (the package is "type": "module"); tsc checks types separately.
/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } },
    ],
    "^.+\\.tsx$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          target: "es2022",
          transform: { react: { runtime: "automatic" } },
        },
        module: { type: "es6" },
      },
    ],
  },
  // Sources import siblings with the ".js" extension NodeNext requires; jest resolves them to the .ts files.
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main module require()s ESM
    // packages jest cannot load: point it at the enum's own file.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  roots: ["<rootDir>/shared", "<rootDir>/cli", "<rootDir>/test", "<rootDir>/outlook-addin", "<rootDir>/gmail-addon"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testTimeout: 60_000,
};

export default config;
