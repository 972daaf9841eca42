// npm run bench [-- ingest|stats|evidence|network|time|upload|ui|lighthouse]: the benchmarks of docs/ARCHITECTURE.md
// section 7, printed with the machine. Without arguments every one but lighthouse (opt-in: it fetches Lighthouse).
import { cpus } from 'node:os';
import { benchEvidence } from './evidence';
import { benchIngest } from './ingest';
import { benchLighthouse } from './lighthouse';
import { benchNetwork } from './network';
import { benchStats } from './stats';
import { benchTimeCourse } from './time-course';
import { benchUi } from './ui';
import { benchUpload } from './upload';

const parts: Record<string, () => Promise<void>> = {
	ingest: benchIngest,
	stats: benchStats,
	evidence: benchEvidence,
	network: benchNetwork,
	time: benchTimeCourse,
	upload: benchUpload,
	ui: benchUi,
	lighthouse: benchLighthouse
};
const OPT_IN = new Set(['lighthouse']);
const wanted = process.argv.slice(2).filter((a) => a in parts);

console.log(`# Benchmarks: ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}, Node ${process.version}`);
for (const name of wanted.length ? wanted : Object.keys(parts).filter((p) => !OPT_IN.has(p)))
	await parts[name]!();
