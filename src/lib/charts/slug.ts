/**
 * A file-name slug: lower case ASCII letters, digits and single hyphens.
 * @example slug('Forest plot: Pain, real vs sham') // 'forest-plot-pain-real-vs-sham'
 */
export function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80) || 'chart'
	);
}
