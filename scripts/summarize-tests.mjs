// Adds up vitest JSON reports plus the static checks into the single "N passed, N failed" line.
// A missing or unreadable report counts as a failure, and so does a run with nothing passed.
import { readFileSync } from 'node:fs';

const [outDir, checksPassed, checksFailed, ...suites] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
let skipped = 0;
for (const suite of suites) {
  try {
    const report = JSON.parse(readFileSync(`${outDir}/${suite}.json`, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A suite file that crashed before its tests ran reports no failed test, only a failed file.
    failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  } catch {
    console.error(`[test] no readable report for the ${suite} suite`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
