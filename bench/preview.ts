// The production build served by `vite preview` for the browser benchmarks (ui, upload), and Chromium to drive it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath } from '../tests/e2e/chromium';

export interface Preview {
	origin: string;
	browser: Browser;
	stop(): Promise<void>;
}

async function waitForServer(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch (e) {
			if (process.env.BENCH_DEBUG) console.log(e);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the preview server did not start at ${url}`);
}

/**
 * Starts `vite preview` on `port` (its own process group, so stopping the group stops whatever it started) and
 * Chromium with the project's flags. Returns null (with a printed reason) when there is no production build.
 */
export async function startPreview(name: string, port: number): Promise<Preview | null> {
	if (!existsSync('build/index.html')) {
		console.log(`${name}: skipped (no production build: run \`npm run build\` first)`);
		return null;
	}
	const origin = `http://127.0.0.1:${port}`;
	if (
		await fetch(`${origin}/`).then(
			() => true,
			() => false
		)
	)
		throw new Error(`port ${port} is taken (an old preview server?): stop it or set BENCH_PORT`);
	const server: ChildProcess = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
		{ stdio: 'ignore', detached: true }
	);
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--headless', '--no-sandbox', '--disable-gpu']
	});
	await waitForServer(`${origin}/`);
	return {
		origin,
		browser,
		async stop() {
			await browser.close();
			if (server.pid) process.kill(-server.pid);
		}
	};
}
