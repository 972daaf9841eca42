/**
 * Export of a rendered chart. These functions read the DOM Svelte rendered; they never change it.
 */

/** Presentation properties copied from computed style onto the exported copy (CSS variables resolved). */
const PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility'
];

/**
 * A standalone SVG document of `svg`: a deep copy with each element's computed presentation style inlined
 * (so the file looks the same without the page's CSS), `xmlns` set, and explicit width/height/viewBox.
 * Interactive attributes (tabindex, event roles) are dropped.
 */
export function serializeSvg(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const view = svg.ownerDocument.defaultView;
	const source = [svg, ...svg.querySelectorAll('*')];
	const target = [copy, ...copy.querySelectorAll('*')];
	source.forEach((el, i) => {
		const out = target[i] as Element;
		const cs = view?.getComputedStyle(el);
		if (cs) {
			const style = PROPS.map((p) => [p, cs.getPropertyValue(p)])
				.filter(([, v]) => v !== '' && v !== undefined)
				.map(([p, v]) => `${p}:${v}`)
				.join(';');
			const hidden = cs.getPropertyValue('display') === 'none' ? ';display:none' : '';
			if (style || hidden) out.setAttribute('style', style + hidden);
		}
		out.removeAttribute('class');
		out.removeAttribute('tabindex');
	});
	const width = svg.getAttribute('width') ?? String(svg.clientWidth);
	const height = svg.getAttribute('height') ?? String(svg.clientHeight);
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('width', width);
	copy.setAttribute('height', height);
	if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const text = new XMLSerializer().serializeToString(copy);
	return text.includes('xmlns="http://www.w3.org/2000/svg"')
		? text
		: text.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}

/** Save `blob` as `filename` through a temporary object URL. */
export function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
	download(new Blob([serializeSvg(svg)], { type: 'image/svg+xml' }), filename);
}

/** Draw the serialised SVG on a canvas at `scale` x resolution on a white background and save it as PNG. */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
	const text = serializeSvg(svg);
	const img = new Image();
	img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
	await img.decode();
	const w = Number(svg.getAttribute('width') ?? svg.clientWidth);
	const h = Number(svg.getAttribute('height') ?? svg.clientHeight);
	const canvas = document.createElement('canvas');
	canvas.width = Math.ceil(w * scale);
	canvas.height = Math.ceil(h * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (blob) download(blob, filename);
}

export function downloadCsv(csv: string, filename: string): void {
	download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
}
