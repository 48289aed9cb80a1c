'use strict';
// The reopen run (run-tests.js --reopen): the same folder opened three times with the same user
// data, so the extension finds in its workspace storage what the last window left. Between the
// runs, files change while no window is open. test/integration/suite/reopen/ holds what each phase
// checks.
//
//   phase 1  a first opening: a full scan, and the scan store written
//   phase 2  package.json gained amqplib and start-up scanning is off: the remembered map shows,
//            marked as not checked, until scanning is switched on, which reads package.json alone
//   phase 3  start-up scanning on, docker-compose.yml deleted: the remembered map shows, marked as
//            being checked, then the checked map without it
//   phase 4  nothing changed: the quick check finds so on its own thread, and the remembered map is
//            the checked one before the scan is done

const fs = require('fs');
const os = require('os');
const path = require('path');

const PHASES = 4;

/** A copy of the folder, under a name of its own base name, with every file an hour old. */
function copyWorkspace(folder) {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bsm-reopen-')), path.basename(folder));
  fs.cpSync(folder, copy, { recursive: true });
  const old = new Date(Date.now() - 3600 * 1000);
  for (const entry of fs.readdirSync(copy, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), old, old);
  return copy;
}

function beforePhase(phase, copy) {
  if (phase === 2) {
    const file = path.join(copy, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    pkg.dependencies.amqplib = '^0.10.4';
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
    fs.mkdirSync(path.join(copy, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(copy, '.vscode', 'settings.json'), JSON.stringify({ 'backendSkillMap.scanOnStartup': false }, null, 2));
  } else if (phase === 3) {
    fs.rmSync(path.join(copy, 'docker-compose.yml'));
    fs.writeFileSync(path.join(copy, '.vscode', 'settings.json'), JSON.stringify({ 'backendSkillMap.scanOnStartup': true }, null, 2));
  }
}

module.exports = { PHASES, copyWorkspace, beforePhase };
