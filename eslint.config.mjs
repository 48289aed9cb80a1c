// Lint rules for the project's TypeScript. `npm run lint` runs them; `npm test` runs that first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Size limits that keep every module and function readable in one sitting. */
const sizeLimits = {
  'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
  'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test/fixtures/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  { files: ['src/**/*.ts'], rules: sizeLimits },
  // Tests read parsed JSON and the inspector protocol loosely.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    // The engine runs in the CLI and in tests outside the editor: it must never load the editor's API.
    files: ['src/core/**/*.ts'],
    rules: {
      // Dependencies a start may not need are required where first used (see src/core/lazyModule.ts);
      // ES-module packages (fast-xml-parser, smol-toml) stay imported, as a require would bundle all of them.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^ajv$', '^yaml$', '^safe-regex2$', '^picomatch$', '^node:crypto$'] }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is the editor-free engine: move code that needs the VS Code API to src/extension.' },
          ],
          patterns: [{ group: ['**/extension/**', '**/cli/**'], message: 'src/core must not depend on the editor adapter or the CLI.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'writable',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        globalThis: 'readonly',
        exports: 'writable',
        document: 'readonly',
        window: 'readonly',
        acquireVsCodeApi: 'readonly',
        navigator: 'readonly',
        Element: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
