// Page benchmark (docs/ARCHITECTURE.md section 7, issue 17): the production build in Chromium (`vite preview`).
// 1. First-load JavaScript of `/`: the gzip size of every script the prerendered page fetches before it is hydrated
//    (the layout's `hydrated` performance mark), read from build/ and compressed here (zlib level 6, what servers use);
//    and, apart, what it fetches on its own in the next second while idle (charts drawn in the draw queue, lazy
//    sections, workers), before any interaction.
// 2. Main-thread work: every task over 50 ms (PerformanceObserver "longtask") and the total blocking time
//    (sum of each long task's time beyond 50 ms) for load + hydration, each control change and each audience switch,
//    at 1x and 4x CPU throttle (CDP Emulation.setCPUThrottlingRate; 4x approximates a mid-range phone).
// Needs `npm run build` first. UI_RUNS sets the rounds (default 3): each figure is given as best / worst of them.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { startPreview } from './preview';

const PORT = Number(process.env.BENCH_PORT ?? 4193);
const RUNS = Number(process.env.UI_RUNS ?? 3);
const BUDGET_KB = 100;

interface Step {
	name: string;
	act: (page: Page) => Promise<void>;
}

type Win = { longTasks: { start: number; duration: number }[]; cspViolations: string[] };

/** Waits until the page has painted twice and no long task has ended for `quietMs`. */
async function settle(page: Page, quietMs = 500): Promise<void> {
	await page.evaluate(async (quiet) => {
		const w = window as unknown as Win;
		// (no named functions in here: tsx would wrap them in a helper the page does not have)
		for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(() => r(null)));
		for (let i = 0; i < 100; i++) {
			const last = w.longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
			const idle = performance.now() - last;
			if (idle >= quiet) return;
			await new Promise((r) => setTimeout(r, quiet - idle + 10));
		}
	}, quietMs);
}

async function takeTasks(page: Page): Promise<number[]> {
	return page.evaluate(() => {
		const w = window as unknown as Win;
		const out = w.longTasks.map((t) => t.duration);
		w.longTasks = [];
		return out;
	});
}

const selectByName = (name: RegExp, value: string) => async (page: Page) => {
	await page.getByRole('combobox', { name }).first().selectOption(value);
};
const audience = (name: string) => async (page: Page) => {
	await page.getByRole('group', { name: 'Choose a view' }).getByRole('button', { name }).click();
};
/** Clicks the first study row of the first forest plot (a button that excludes or includes the study). */
const toggleFirstStudy = async (page: Page) => {
	const row = page.locator('rect.study-row[role=button]').first();
	await row.scrollIntoViewIfNeeded();
	await row.dispatchEvent('click');
};

const STEPS: Step[] = [
	{ name: 'estimator REML -> DL', act: selectByName(/^Estimator/, 'DL') },
	{ name: 'estimator DL -> REML', act: selectByName(/^Estimator/, 'REML') },
	{ name: 'CI method Wald -> Hartung-Knapp', act: selectByName(/^Confidence interval/, 'adhoc') },
	{ name: 'CI method Hartung-Knapp -> Wald', act: selectByName(/^Confidence interval/, 'z') },
	{ name: 'exclude a study', act: toggleFirstStudy },
	{ name: 'include it again', act: toggleFirstStudy },
	{ name: 'audience -> patient', act: audience('Patient') },
	{ name: 'audience -> educator', act: audience('Educator') },
	{ name: 'audience -> clinician', act: audience('Clinician') },
	{ name: 'audience -> patient (again)', act: audience('Patient') },
	{ name: 'audience -> clinician (again)', act: audience('Clinician') }
];

const gzipKb = (file: string) => gzipSync(readFileSync(file)).length / 1024;
const tbt = (tasks: number[]) => tasks.reduce((s, d) => s + Math.max(0, d - 50), 0);

interface Figures {
	longest: number;
	tbt: number;
	count: number;
}
const figures = (tasks: number[]): Figures => ({
	longest: Math.max(0, ...tasks),
	tbt: tbt(tasks),
	count: tasks.length
});

/** One round at one CPU throttle: returns the figures per phase and the scripts loaded before any interaction. */
async function round(
	origin: string,
	browser: import('@playwright/test').Browser,
	rate: number
): Promise<{ phases: Map<string, Figures>; scripts: Set<string>; idle: Set<string>; csp: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const scripts = new Set<string>();
	const collect = (url: string) => {
		const path = new URL(url).pathname;
		if (path.endsWith('.js')) scripts.add(path);
	};
	page.on('request', (r) => collect(r.url()));
	page.on('worker', (w) => collect(w.url()));
	await page.addInitScript(() => {
		const w = window as unknown as Win;
		w.longTasks = [];
		w.cspViolations = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
		document.addEventListener('securitypolicyviolation', (e) =>
			w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	const phases = new Map<string, Figures>();
	await page.goto(`${origin}/`);
	await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 60_000 });
	await settle(page, 1000);
	phases.set('load + hydration', figures(await takeTasks(page)));
	const beforeHydration = await page.evaluate(() => {
		const mark = performance.getEntriesByName('hydrated')[0]?.startTime ?? Infinity;
		return performance
			.getEntriesByType('resource')
			.filter((e) => e.startTime < mark)
			.map((e) => new URL(e.name).pathname);
	});
	const loaded = new Set([...scripts].filter((s) => beforeHydration.includes(s)));
	const idle = new Set([...scripts].filter((s) => !loaded.has(s)));
	const csp = await page.evaluate(() => (window as unknown as Win).cspViolations);
	for (const step of STEPS) {
		await step.act(page);
		await settle(page);
		phases.set(step.name, figures(await takeTasks(page)));
	}
	await context.close();
	return { phases, scripts: loaded, idle, csp };
}

export async function benchUi(): Promise<void> {
	const preview = await startPreview('ui', PORT);
	if (!preview) return;
	try {
		let scripts = new Set<string>();
		let idle = new Set<string>();
		let csp: string[] = [];
		const results = new Map<number, Map<string, Figures[]>>();
		for (const rate of [1, 4]) {
			const byPhase = new Map<string, Figures[]>();
			for (let r = 0; r < RUNS; r++) {
				const out = await round(preview.origin, preview.browser, rate);
				if (rate === 1 && r === 0) ({ scripts, idle, csp } = out);
				for (const [name, f] of out.phases) byPhase.set(name, [...(byPhase.get(name) ?? []), f]);
			}
			results.set(rate, byPhase);
		}
		const sizes = [...scripts].map((p) => ({ p, kb: gzipKb(`build${p}`) })).sort((a, b) => b.kb - a.kb);
		const total = sizes.reduce((s, x) => s + x.kb, 0);
		console.log(`\n## UI: production build in Chromium (${preview.origin}), best / worst of ${RUNS} rounds`);
		console.log(
			`first-load JS of /: ${total.toFixed(1)} KB gzip in ${sizes.length} scripts (budget ${BUDGET_KB} KB) ${total <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`
		);
		for (const { p, kb } of sizes) console.log(`  ${kb.toFixed(1).padStart(6)} KB  ${p}`);
		const idleKb = [...idle].reduce((s, p) => s + gzipKb(`build${p}`), 0);
		console.log(
			`then fetched while idle, before any interaction: ${idleKb.toFixed(1)} KB gzip in ${idle.size} scripts (charts, lazy sections, workers)`
		);
		console.log(`CSP violations during load: ${csp.length}${csp.length ? ` (${csp.join('; ')})` : ''}`);
		const names = [...results.get(1)!.keys()];
		const cell = (fs: Figures[] | undefined, key: 'longest' | 'tbt') => {
			const v = (fs ?? []).map((f) => f[key]);
			return `${Math.min(...v).toFixed(0)}/${Math.max(...v).toFixed(0)}`.padStart(10);
		};
		console.log(
			`\n${'phase'.padEnd(34)} ${'longest 1x'.padStart(10)} ${'TBT 1x'.padStart(10)} ${'longest 4x'.padStart(10)} ${'TBT 4x'.padStart(10)}  (ms; tasks over 50 ms at 1x)`
		);
		let over = 0;
		for (const name of names) {
			const one = results.get(1)!.get(name);
			const four = results.get(4)!.get(name);
			const n = Math.max(...(one ?? []).map((f) => f.count));
			over += n;
			console.log(
				`${name.padEnd(34)} ${cell(one, 'longest')} ${cell(one, 'tbt')} ${cell(four, 'longest')} ${cell(four, 'tbt')}  ${n}`
			);
		}
		console.log(
			`budget: no task over 50 ms at 1x: ${over === 0 ? 'OK' : `OVER BUDGET (${over} long tasks in the worst rounds)`}`
		);
	} finally {
		await preview.stop();
	}
}
