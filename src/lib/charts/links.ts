/**
 * A web address for a `source` of the data contract: `doi:...` -> https://doi.org/..., `pmid:...` -> PubMed.
 * Anything else gives null (shown as plain text, never as a link).
 * @example sourceUrl('pmid:17893311') // 'https://pubmed.ncbi.nlm.nih.gov/17893311/'
 */
export function sourceUrl(source: string): string | null {
	const doi = /^doi:\s*(10\.\d{4,9}\/\S+)$/i.exec(source.trim());
	if (doi) return `https://doi.org/${doi[1]}`;
	const pmid = /^pmid:\s*(\d+)$/i.exec(source.trim());
	if (pmid) return `https://pubmed.ncbi.nlm.nih.gov/${pmid[1]}/`;
	return null;
}
