// npm run bench [-- ingest|stats|evidence|upload|time]: the benchmarks of DESIGN.md section 7, printed with the machine.
import { cpus } from 'node:os';
import { benchEvidence } from './evidence';
import { benchIngest } from './ingest';
import { benchStats } from './stats';
import { benchTimeCourse } from './time-course';
import { benchUpload } from './upload';

const parts: Record<string, () => Promise<void>> = {
	ingest: benchIngest,
	stats: benchStats,
	evidence: benchEvidence,
	upload: benchUpload,
	time: benchTimeCourse
};
const wanted = process.argv.slice(2).filter((a) => a in parts);

console.log(`# Benchmarks: ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}, Node ${process.version}`);
for (const name of wanted.length ? wanted : Object.keys(parts)) await parts[name]!();
