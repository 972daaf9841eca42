/**
 * Export of a rendered chart. These functions read the DOM Svelte rendered; they never change it.
 */
import { download } from './download';

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
export function serializeSvg(svg: SVGSVGElement, caption?: ExportCaption): string {
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
	if (caption) return captioned(copy, Number(width), Number(height), caption);
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('width', width);
	copy.setAttribute('height', height);
	if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const text = new XMLSerializer().serializeToString(copy);
	return text.includes('xmlns="http://www.w3.org/2000/svg"')
		? text
		: text.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}

/** What an exported chart carries besides the chart: its title, and lines such as the data source and settings. */
export interface ExportCaption {
	title: string;
	lines: string[];
}

const CAPTION_FONT = 14;
const NOTE_FONT = 11;

/** Height added to an exported chart by its caption (title above, one line per note below), in px. */
export function captionHeight(caption: ExportCaption): number {
	return CAPTION_FONT * 2 + caption.lines.length * NOTE_FONT * 1.4 + NOTE_FONT;
}

/**
 * The chart nested in a standalone SVG with its title above and the caption lines below (Our World in Data style:
 * an exported chart says what it shows, where the data come from and with which settings). Text is set with
 * textContent, never parsed as markup.
 */
function captioned(chart: SVGSVGElement, w: number, h: number, caption: ExportCaption): string {
	const NS = 'http://www.w3.org/2000/svg';
	const doc = chart.ownerDocument;
	const root = doc.createElementNS(NS, 'svg');
	const total = h + captionHeight(caption);
	root.setAttribute('width', String(w));
	root.setAttribute('height', String(total));
	root.setAttribute('viewBox', `0 0 ${w} ${total}`);
	root.setAttribute('font-family', 'system-ui, sans-serif');
	const text = (y: number, size: number, content: string, weight = '400') => {
		const t = doc.createElementNS(NS, 'text');
		t.setAttribute('x', '4');
		t.setAttribute('y', String(y));
		t.setAttribute('font-size', String(size));
		t.setAttribute('font-weight', weight);
		t.setAttribute('fill', '#1b1f24');
		t.textContent = content;
		root.append(t);
	};
	text(CAPTION_FONT * 1.3, CAPTION_FONT, caption.title, '700');
	chart.setAttribute('x', '0');
	chart.setAttribute('y', String(CAPTION_FONT * 2));
	chart.setAttribute('width', String(w));
	chart.setAttribute('height', String(h));
	if (!chart.getAttribute('viewBox')) chart.setAttribute('viewBox', `0 0 ${w} ${h}`);
	root.append(chart);
	caption.lines.forEach((line, i) =>
		text(CAPTION_FONT * 2 + h + NOTE_FONT * (1.2 + 1.4 * i), NOTE_FONT, line)
	);
	return new XMLSerializer().serializeToString(root);
}

export function downloadSvg(svg: SVGSVGElement, filename: string, caption?: ExportCaption): void {
	download(new Blob([serializeSvg(svg, caption)], { type: 'image/svg+xml' }), filename);
}

/** Draw the serialised SVG on a canvas at `scale` x resolution on a white background and save it as PNG. */
export async function downloadPng(
	svg: SVGSVGElement,
	filename: string,
	caption?: ExportCaption,
	scale = 2
): Promise<void> {
	const text = serializeSvg(svg, caption);
	const img = new Image();
	img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
	await img.decode();
	const w = Number(svg.getAttribute('width') ?? svg.clientWidth);
	const h = Number(svg.getAttribute('height') ?? svg.clientHeight) + (caption ? captionHeight(caption) : 0);
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
