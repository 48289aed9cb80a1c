// Entry point the extension host loads. Each folder beside this file holds the suites for one
// workspace shape; a run loads only those that apply to the workspace it was opened on, so every
// test it reports is one that ran (none pending for another workspace).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { FIXTURE } from './helpers';

/** Fixtures with suites of their own: they know what the fixture holds. */
const FIXTURE_SUITES: Record<string, string> = {
  'express-postgres-redis': 'sample',
  'no-backend': 'no-backend',
  'workspace-rules': 'workspace-rules',
  'scan-on-demand': 'scan-on-demand',
  'go-broker-testkit': 'go-requirements',
  'rails-sidekiq': 'templates',
};

/**
 * The suite folders for the open workspace: its own first, then those of its shape. A profile run
 * (BSM_TEST_SUITE=profile) opens two workspaces one after the other in one window: each step has
 * its own folder, profile-1 and profile-2.
 */
export function suiteFolders(folderCount: number, fixture: string, locale = '', suite = '', step = '', reopenPhase = ''): string[] {
  if (suite === 'profile') return [`profile-${step || '1'}`];
  // A run in another display language checks the translated words only.
  if (locale) return [`locale-${locale}`];
  // A reopen run (run-tests.js --reopen) checks what a window finds from the one before.
  if (reopenPhase) return ['reopen'];
  if (folderCount >= 2) return ['multi-root'];
  const own = FIXTURE_SUITES[fixture];
  // Live updates write and delete a file: they run last, after the suites that read the fixture as it is.
  return own ? [own, 'single-root'] : ['single-root'];
}

function testFiles(folder: string): string[] {
  const dir = path.join(__dirname, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20000, color: false, reporter: 'spec' });
  const folders = suiteFolders(
    vscode.workspace.workspaceFolders?.length ?? 0,
    FIXTURE,
    process.env.BSM_TEST_LOCALE,
    process.env.BSM_TEST_SUITE,
    process.env.BSM_TEST_STEP,
    process.env.BSM_TEST_REOPEN_PHASE,
  );
  console.log(`[suites] ${folders.join(', ')}`);
  for (const folder of folders) for (const file of testFiles(folder)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
