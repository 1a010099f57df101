/** What every bundle shares: no Node built-in is polyfilled, since a built-in reaching a browser or Apps Script bundle is a bug. */
export const NO_NODE_BUILTINS = {
  fs: false,
  path: false,
  url: false,
  zlib: false,
  stream: false,
  http: false,
  https: false,
  crypto: false,
  canvas: false,
} as const;
