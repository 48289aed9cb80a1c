// Loaded by mocha before any test (see .mocharc.json). Every temporary folder a unit test makes,
// with os.tmpdir() in this process or in a child it starts, lands in one folder of this run, and
// that folder goes when the process exits, whether the tests passed, failed or matched none: a test
// run leaves nothing behind in the system's temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const runFolder = mkdtempSync(path.join(os.tmpdir(), 'bsm-unit-'));
process.env.TMPDIR = runFolder;
process.on('exit', () => rmSync(runFolder, { recursive: true, force: true }));
