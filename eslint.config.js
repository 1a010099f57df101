// Lint: typescript-eslint strict (type-aware) + the house rule that shared/ never imports a host.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "out/**", "coverage/**", "**/*.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": ["error", { allowConstantLoopConditions: true }],
    },
  },
  {
    files: ["shared/src/**/*.ts"],
    ignores: ["shared/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process"], message: "shared/ is pure: no Node APIs." },
            {
              group: ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "office-js"],
              message: "shared/ imports no host.",
            },
            {
              group: ["**/cli/**", "**/outlook-addin/**", "**/gmail-addon/**"],
              message: "hosts depend on shared/, never the reverse.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "shared/ takes the time as an argument (Clock port).",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "shared/ takes the time as an argument (Clock port).",
        },
      ],
    },
  },
  {
    // Tests state what they expect to exist; a failed `!` fails the test, which is the point.
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
);
