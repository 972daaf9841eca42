import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The pure layers (docs/ARCHITECTURE.md section 2) may not reach Svelte, SvelteKit or the DOM. */
const pureLayer = {
	files: ['src/lib/data/**/*.ts', 'src/lib/stats/**/*.ts', 'src/lib/evidence/**/*.ts', 'src/cli/**/*.ts'],
	ignores: ['src/lib/data/worker.ts'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						group: ['svelte', 'svelte/*', '$app/*', '$lib/components/*', '$lib/charts/*', '$lib/state/*'],
						message: 'Pure layers import nothing from Svelte or the UI (docs/ARCHITECTURE.md section 2).'
					}
				]
			}
		],
		'no-restricted-globals': ['error', 'document', 'window', 'localStorage']
	}
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'd3', message: 'Use the small d3 modules.' },
						{ name: 'd3-selection', message: 'd3 computes, Svelte renders.' }
					]
				}
			],
			'svelte/no-at-html-tags': 'error'
		}
	},
	pureLayer,
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	}
);
