import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers';

const FORBIDDEN = ['child_process', 'http', 'https', 'net', 'tls', 'dgram', 'http2', 'worker_threads', 'cluster'];

/**
 * The extension starts one thread, in its own process, for the quick check of a reopened workspace
 * (src/extension/reopenCheck.ts: dist/check-worker.js), which talks to it through worker_threads.
 */
const THREADS_ALLOWED = new Set(['extension.js', 'check-worker.js']);

describe('built bundles only read', () => {
  for (const name of ['cli.js', 'cli-main.js', 'extension.js', 'check-worker.js']) {
    const file = path.join(REPO, 'dist', name);
    it(`${name} never loads a module that spawns processes or opens connections`, function () {
      if (!existsSync(file)) this.skip();
      const text = readFileSync(file, 'utf8');
      const required = new Set<string>();
      for (const m of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) required.add(m[1].replace(/^node:/, ''));
      for (const m of text.matchAll(/\bfrom\s*["'](node:)?([a-z_0-9]+)["']/g)) required.add(m[2]);
      assert.ok(required.size > 0, 'the bundle should require at least one built-in module (fs)');
      const bad = FORBIDDEN.filter((f) => required.has(f) && !(f === 'worker_threads' && THREADS_ALLOWED.has(name)));
      assert.deepStrictEqual(bad, [], `${name} requires ${bad.join(', ')}`);
      const workers = text.match(/\bnew\s+\w*\.?Worker\(/g) ?? [];
      assert.strictEqual(workers.length, name === 'extension.js' ? 1 : 0, `${name} starts ${workers.length} thread(s)`);
    });
  }
});
