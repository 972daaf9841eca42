import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		alias: { $data: 'data' },
		// KIT_OUT_DIR lets parallel builds (e.g. two developers' test runs) stay apart.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		}
	}
};

export default config;
