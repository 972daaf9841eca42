// Upload benchmark (docs/ARCHITECTURE.md section 7: "the main thread has no task over 50 ms"): the production build in Chromium,
// a synthetic arm-level CSV uploaded through the page's file input, and every main-thread task over 50 ms
// recorded (PerformanceObserver "longtask") from the choice of the file until the claims are shown again.
// Needs `npm run build` first (and not port 4190: browsers block it, as fetch does). UPLOAD_ROWS sets the size (default 1,000,000 rows, ~200 MB).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../tests/e2e/chromium';
import { syntheticTrialsCsv } from './ingest';

const PORT = Number(process.env.BENCH_PORT ?? 4183);
const ORIGIN = `http://127.0.0.1:${PORT}`;

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

export async function benchUpload(): Promise<void> {
	const rows = Number(process.env.UPLOAD_ROWS ?? 1_000_000);
	if (!existsSync('build/index.html')) {
		console.log('upload: skipped (no production build: run `npm run build` first)');
		return;
	}
	if (
		await fetch(`${ORIGIN}/`).then(
			() => true,
			() => false
		)
	)
		throw new Error(`port ${PORT} is taken (an old preview server?): stop it or set BENCH_PORT`);
	const dir = mkdtempSync(join(tmpdir(), 'bench-upload-'));
	const file = join(dir, 'large.csv');
	const text = syntheticTrialsCsv(rows);
	writeFileSync(file, text);
	const mb = Buffer.byteLength(text) / 1e6;
	// Its own process group, so that stopping the group stops the server whatever it started.
	const server = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'],
		{
			stdio: 'ignore',
			detached: true
		}
	);
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--headless', '--no-sandbox', '--disable-gpu']
	});
	try {
		await waitForServer(`${ORIGIN}/`);
		const page = await browser.newPage();
		await page.addInitScript(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longTasks.push(e.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${ORIGIN}/`);
		const panel = page.getByRole('region', { name: 'Load your own data' });
		await panel.locator('.upload[data-ready="true"]').waitFor();
		await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
		const t0 = Date.now();
		await panel.locator('input[type=file]').setInputFiles(file);
		await panel
			.getByText(`Loaded large.csv: ${rows.toLocaleString('en')} rows.`)
			.waitFor({ timeout: 600_000 });
		const loaded = (Date.now() - t0) / 1000;
		await page.locator('#relieves-chronic [data-testid="sentence"]').waitFor({ timeout: 600_000 });
		await page.locator('.analysis-status:empty').waitFor({ state: 'attached', timeout: 600_000 });
		const shown = (Date.now() - t0) / 1000;
		const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
		const heap = await page.evaluate(
			() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN
		);
		const longest = Math.max(0, ...tasks);
		console.log(
			`upload: ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB, production build in Chromium`
		);
		console.log(`  file read, checked and shown as loaded  ${loaded.toFixed(1)} s`);
		console.log(`  every analysis and claim shown          ${shown.toFixed(1)} s`);
		console.log(
			`  main-thread tasks over 50 ms: ${tasks.length}; longest ${longest.toFixed(0)} ms (budget: none over 50 ms) ${tasks.length === 0 ? 'OK' : 'OVER BUDGET'}`
		);
		if (tasks.length > 0) console.log(`  their durations (ms): ${tasks.map((d) => d.toFixed(0)).join(', ')}`);
		console.log(`  page JS heap after: ${(heap / 1e6).toFixed(0)} MB`);
	} finally {
		await browser.close();
		if (server.pid) process.kill(-server.pid);
		rmSync(dir, { recursive: true, force: true });
	}
}
