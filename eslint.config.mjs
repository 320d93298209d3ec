// Lint: typescript-eslint's recommended rules, plus the one layering rule the project lives by —
// nothing in src/engine imports an adapter, Office, React, the DOM or the file system.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../functions/*', '../office/*', '../taskpane/*', '../cli/*', '../../*'], message: 'The engine never imports an adapter.' },
            { group: ['fs', 'path', 'exceljs', 'react', 'react-dom', '@fluentui/*', 'office-*'], message: 'The engine is pure: no IO, no Office, no UI.' },
          ],
        },
      ],
    },
  },
);
