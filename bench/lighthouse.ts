// Lighthouse benchmark (issue 17's acceptance): performance score, LCP and TBT of `/`, `/methods` and `/data` on the
// production build, with Lighthouse's mobile (simulated slow 4G, 4x CPU) and desktop presets, in Debian's Chromium.
// Opt-in (`npm run bench -- lighthouse`): it runs `npx -y lighthouse@12`, fetched from the npm registry the first time.
// Needs `npm run build` first. LH_RUNS sets the runs per page and preset (default 1); the median score is shown.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../tests/e2e/chromium';
import { startPreview } from './preview';

const PORT = Number(process.env.BENCH_PORT ?? 4194);
const RUNS = Number(process.env.LH_RUNS ?? 1);
const PAGES = ['/', '/methods', '/data'];

interface Figures {
	score: number;
	lcp: number;
	tbt: number;
	cls: number;
}

function run(url: string, preset: 'mobile' | 'desktop', dir: string): Figures {
	const out = join(dir, 'report.json');
	execFileSync(
		'npx',
		[
			'-y',
			'lighthouse@12',
			url,
			'--only-categories=performance',
			'--output=json',
			`--output-path=${out}`,
			'--quiet',
			'--chrome-flags=--headless --no-sandbox --disable-gpu',
			...(preset === 'desktop' ? ['--preset=desktop'] : [])
		],
		{ env: { ...process.env, CHROME_PATH: chromiumPath() }, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	const report = JSON.parse(readFileSync(out, 'utf8')) as {
		categories: { performance: { score: number } };
		audits: Record<string, { numericValue: number }>;
	};
	return {
		score: Math.round(report.categories.performance.score * 100),
		lcp: report.audits['largest-contentful-paint']!.numericValue,
		tbt: report.audits['total-blocking-time']!.numericValue,
		cls: report.audits['cumulative-layout-shift']!.numericValue
	};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchLighthouse(): Promise<void> {
	const preview = await startPreview('lighthouse', PORT);
	if (!preview) return;
	const dir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
	try {
		console.log(`\n## Lighthouse 12 (performance), production build (${preview.origin}), median of ${RUNS}`);
		console.log(`${'page'.padEnd(10)} ${'preset'.padEnd(8)} score   LCP (s)  TBT (ms)  CLS`);
		for (const path of PAGES)
			for (const preset of ['mobile', 'desktop'] as const) {
				const runs = Array.from({ length: RUNS }, () => run(`${preview.origin}${path}`, preset, dir));
				const m = (k: keyof Figures) => median(runs.map((r) => r[k]));
				console.log(
					`${path.padEnd(10)} ${preset.padEnd(8)} ${String(m('score')).padStart(5)} ${(m('lcp') / 1000).toFixed(2).padStart(9)} ${m('tbt').toFixed(0).padStart(9)}  ${m('cls').toFixed(3)}`
				);
			}
	} finally {
		await preview.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
