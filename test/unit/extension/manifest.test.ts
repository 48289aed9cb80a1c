import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_GLOBS } from '../../../src/core/ecosystems';
import { REPO } from '../helpers';

const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('starts on a workspace that holds a package manifest, not on every start-up', () => {
    const events: string[] = manifest.activationEvents;
    for (const glob of MANIFEST_GLOBS) assert.ok(events.includes(`workspaceContains:${glob}`), `no activation on ${glob}`);
    assert.ok(!events.includes('onStartupFinished') && !events.includes('*'));
  });

  it('leaves out the events the editor derives from the contributions (views and commands)', () => {
    const events: string[] = manifest.activationEvents;
    assert.deepStrictEqual(
      events.filter((e) => e.startsWith('onCommand:') || e.startsWith('onView:')),
      [],
    );
  });
});
