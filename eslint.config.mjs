// Lint: the layer rules of the architecture (README "Architecture") plus typescript-eslint's recommended checks.
// Every import direction that must never exist is a `no-restricted-imports` pattern on the folder it starts from.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      paths: forbidden.includes('vscode') ? [{ name: 'vscode', message: 'This layer must not depend on the VS Code API.' }] : [],
      patterns: forbidden.filter((f) => f !== 'vscode').map((f) => ({
        group: [`**/${f}`, `**/${f}/**`],
        message: `${files[0].split('/')[1]} must not import src/${f} (see README "Architecture").`,
      })),
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/e2e/node_modules/**', 'test/e2e/out/**', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      // Escaping control characters is the point of several regexes (quote-text.ts).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable', console: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Buffer', 'performance', 'fetch',
        // page functions evaluated in the browser by the e2e driver
        'document', 'window', 'getComputedStyle'].map((g) => [g, 'readonly'])),
    },
  },
  layer(['src/engine/**'], ['vscode', 'extension', 'webview', 'cli', 'protocol', 'presentation']),
  layer(['src/presentation/**'], ['vscode', 'engine', 'extension', 'webview', 'cli']),
  layer(['src/protocol/**'], ['vscode', 'engine', 'extension', 'webview', 'cli']),
  layer(['src/webview/**'], ['vscode', 'engine', 'extension', 'cli']),
  layer(['src/extension/**'], ['cli', 'webview']),
  layer(['src/cli/**'], ['vscode', 'extension', 'webview', 'protocol']),
);
