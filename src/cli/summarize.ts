// npm run summarize: lands with the stats issue (DESIGN.md section 6).
console.error('summarize is not implemented yet');
process.exit(2);
