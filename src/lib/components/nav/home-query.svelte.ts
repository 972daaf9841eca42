/**
 * The query string of the main page when the reader last left it ("?view=patient&exclude=..."): links back to the
 * claims (the header's "Claims and evidence", the article's verdict links) restore the same view, settings and
 * exclusions. The data themselves come back from the browser's storage.
 */
export const home = $state({ query: '' });

/** A link to the main page with the kept query and an optional anchor. */
export function homeHref(root: string, anchor = ''): string {
	return `${root}${home.query}${anchor ? `#${anchor}` : ''}`;
}
