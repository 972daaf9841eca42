// Benchmarks (npm run bench). Parts are added by the ingest and maths issues.
console.log('No benchmarks yet: the ingest and maths benchmarks land with issues 4 and 5.');
