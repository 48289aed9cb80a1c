// Entry point for the in-editor benchmark (run by test/bench/editor-bench.mjs, not by the test suite).
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30 * 60 * 1000, color: false, reporter: 'spec' });
  // BSM_BENCH_REOPEN: one of the two windows of the reopen figures (reopen.test.ts) instead.
  mocha.addFile(path.join(__dirname, process.env.BSM_BENCH_REOPEN ? 'reopen.test.js' : 'bench.test.js'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} bench step(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
