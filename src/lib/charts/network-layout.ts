import { ARMS, type Arm } from '$lib/data/schema';
import type { NetworkInput } from './types';

/**
 * Fixed places: real acupuncture top left, sham top right, no treatment bottom right, usual care bottom left, an
 * active drug bottom centre, so
 * the article's direct questions are the square's sides. [column, row]: 0 = left/top, 1 = right/bottom.
 */
export const NODE_PLACE: Record<Arm, [0 | 0.5 | 1, 0 | 1]> = {
	acupuncture: [0, 0],
	sham: [1, 0],
	no_treatment: [1, 1],
	usual_care: [0, 1],
	active_drug: [0.5, 1]
};

export interface NetworkLayout {
	width: number;
	height: number;
	nodes: { arm: Arm; n: number; cx: number; cy: number; r: number }[];
	edges: {
		key: string;
		a: Arm;
		b: Arm;
		trials: number;
		x1: number;
		y1: number;
		x2: number;
		y2: number;
		width: number;
		lx: number;
		ly: number;
	}[];
}

/**
 * Evidence network geometry. maxR = 0.12 min(width, height); columns at x = 0.2 and 0.8 width; rows at
 * y = maxR + f/2 and height - maxR - 2.8f (room for the two label lines under the bottom nodes). Node radius
 * maxR * sqrt(n / max n), so the area is proportional to participants (arms without participants are not drawn). Edge width 1.5 + 6.5 * trials / max trials (px). Labels sit at the edge's
 * midpoint, or 40% along a diagonal so that two crossing diagonals do not share a label position.
 * @example networkLayout({ nodes: [{ arm: 'acupuncture', n: 400 }], edges: [] }, 500, 300, 10).nodes
 *   // [{ arm: 'acupuncture', n: 400, cx: 100, cy: 41, r: 36 }]
 */
export function networkLayout(input: NetworkInput, width: number, height: number, f: number): NetworkLayout {
	const maxN = Math.max(0, ...input.nodes.map((d) => d.n));
	const maxR = 0.12 * Math.min(width, height);
	const [x0, x1] = [0.2 * width, 0.8 * width];
	const ys = [maxR + f / 2, height - maxR - 2.8 * f];
	const pos = (arm: Arm): [number, number] => [x0 + (x1 - x0) * NODE_PLACE[arm][0], ys[NODE_PLACE[arm][1]]!];
	const nodes = ARMS.flatMap((arm) => {
		const node = input.nodes.find((d) => d.arm === arm);
		if (!node || node.n <= 0 || maxN <= 0) return [];
		const [cx, cy] = pos(arm);
		return [{ arm, n: node.n, cx, cy, r: maxR * Math.sqrt(node.n / maxN) }];
	});
	const maxT = Math.max(0, ...input.edges.map((e) => e.trials));
	const edges = input.edges
		.filter((e) => e.trials > 0)
		.map((e) => {
			const [x1, y1] = pos(e.a);
			const [x2, y2] = pos(e.b);
			const diagonal = x1 !== x2 && y1 !== y2;
			const t = diagonal ? 0.4 : 0.5;
			return {
				key: `${e.a}-${e.b}`,
				a: e.a,
				b: e.b,
				trials: e.trials,
				x1,
				y1,
				x2,
				y2,
				width: 1.5 + (6.5 * e.trials) / maxT,
				lx: x1 + t * (x2 - x1),
				ly: y1 + t * (y2 - y1)
			};
		});
	return { width, height, nodes, edges };
}
