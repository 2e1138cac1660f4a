// ESLint (flat config) with typescript-eslint's recommended rules. `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', '.vscode-test/', 'tmp/', 'test/fixtures/', 'bench/.engine.cjs', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_x` names a value kept on purpose (destructuring it away, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['media/**/*.js', 'web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
