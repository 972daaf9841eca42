/** Sorting and filtering of data rows for the data page (pure, no DOM). */
export type SortDir = 'asc' | 'desc';

export function filterRows<T extends object>(rows: readonly T[], query: string): T[] {
	const q = query.trim().toLowerCase();
	if (!q) return [...rows];
	const words = q.split(/\s+/);
	return rows.filter((r) => {
		const hay = Object.values(r).join(' ').toLowerCase();
		return words.every((w) => hay.includes(w));
	});
}

export function sortRows<T extends object>(rows: readonly T[], key: keyof T, dir: SortDir): T[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = a[key];
		const y = b[key];
		if (x === y) return 0;
		if (x === null || x === undefined || x === '') return 1;
		if (y === null || y === undefined || y === '') return -1;
		return (
			(typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign
		);
	});
}
