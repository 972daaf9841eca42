import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

/**
 * Serious and critical axe-core violations on the page (or inside the first element matching `selector`), each as
 * "rule (impact): first targets". Needs `test.use({ bypassCSP: true })`: axe is injected as a script.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
	await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
	return page.evaluate(async (sel) => {
		type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (ctx: Element | Document) => Promise<Result> } }).axe;
		const r = await axe.run(sel ? document.querySelector(sel)! : document);
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(', ')}`
			);
	}, selector ?? null);
}
