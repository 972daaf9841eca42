/**
 * Code-point order of two texts: the same in every browser and in Node, and without Intl (a page's first
 * `localeCompare` loads ICU collation data, 7-16 ms in Chromium, which would fall in the hydration task;
 * docs/ARCHITECTURE.md section 7). For display lists of trial labels ("Author Year"), where it agrees with
 * the locale's order.
 */
export function textOrder(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
