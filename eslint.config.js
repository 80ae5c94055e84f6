// ESLint runs over the code that sees document text (src/ and rules/) for one purpose: regular
// expressions that backtrack super-linearly (ReDoS). Everything scrapelint reads comes from the open
// web, so a regex that is quadratic or exponential on a hostile line is a denial of service in an
// editor or a pre-commit hook. eslint-plugin-regexp's recommended rules run, with the backtracking
// and moving rules as errors; scripts/redos-check.mjs times every rule on adversarial inputs.
import regexp from 'eslint-plugin-regexp'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'examples/**', '**/*.d.ts']},
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    languageOptions: {parser: tseslint.parser, sourceType: 'module'},
    // The code has eslint-disable comments for typescript-eslint rules that are not enabled here.
    linterOptions: {reportUnusedDisableDirectives: 'off'},
    plugins: {'@typescript-eslint': tseslint.plugin},
  },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    ...regexp.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    rules: {
      'regexp/no-super-linear-backtracking': ['error', {report: 'certain'}],
      // Regexes here run with `g` over whole lines and documents, so a quadratic move is a real risk.
      'regexp/no-super-linear-move': ['error', {report: 'certain', ignoreSticky: true, ignorePartial: false}],
      'regexp/no-misleading-capturing-group': 'error',
      // Style, not safety: the recommended set has these as errors; here they only warn, so that a
      // shorthand class or an unused group does not fail the build.
      'regexp/prefer-d': 'warn',
      'regexp/prefer-w': 'warn',
      'regexp/use-ignore-case': 'warn',
      'regexp/negation': 'warn',
      'regexp/no-useless-character-class': 'warn',
      'regexp/no-dupe-characters-character-class': 'warn',
      'regexp/no-unused-capturing-group': 'warn',
    },
  },
)
