'use strict';
// Runs the extension's mocha suite inside a real VS Code extension host (code-server), driven
// by headless chromium. Usually called through run-tests.sh, which installs the tools first.
//
//   node test/vscode/run-tests.js [workspace] [options]
//
//   workspace          a folder or a multi-root .code-workspace file
//                      (default: test/fixtures/express-postgres-redis)
//   --env KEY=VALUE    extra environment for the extension host (repeatable)
//   --tests PATH       the suite entry, without .js (default: out/test/integration/suite/index)
//   --extension PATH   the extension under development (default: the repo root)
//   --timeout MS       give up after this long (default: 300000)
//   --verbose          also print the workbench's own log lines
//   --keep-logs        keep the run folder even when the tests pass
//   --untrusted        switch workspace trust on, so the workspace opens untrusted (restricted mode)
//   --locale ID        open the editor in a display language (test/vscode/language-packs/ID); the
//                      extension host gets BSM_TEST_LOCALE=ID
//   --then PATH        once the suite has passed on the workspace, open this one in the same window
//                      (same user data and global storage; repeatable); each run's extension host
//                      gets BSM_TEST_STEP=1, 2, ...
//   --setting K=JSON   a user setting for the run (repeatable), e.g. --setting git.enabled=true
//   --reopen           open a copy of the folder several times with the same user data, changing
//                      files between the runs (test/vscode/reopen.js); the extension host gets
//                      BSM_TEST_REOPEN_PHASE=1, 2, ...
//   --run-dir DIR      run in DIR (user data included), kept afterwards: a second run with the same
//   --port N           DIR and port opens the workspace as the same one (its storage kept)
//
// The extension host always gets BSM_TEST_WORKSPACE (absolute path of the workspace argument)
// and BSM_TEST_FIXTURE (its base name without .code-workspace), so a suite can tell which
// fixture it runs against.
//
// Exit code: 0 tests passed, 1 tests failed (or the suite failed to load), 2 timeout,
// 3 harness error (not installed, server or browser did not start, bad arguments).

const fs = require('fs');
const path = require('path');
const util = require('util');
const lib = require('./lib');
const reopen = require('./reopen');

const EXIT = { pass: 0, fail: 1, timeout: 2, harness: 3 };

function parseArgs(argv) {
  const opts = {
    workspace: undefined,
    env: {},
    tests: path.join(lib.paths.repoRoot, 'out', 'test', 'integration', 'suite', 'index'),
    extension: lib.paths.repoRoot,
    timeout: 300000,
    verbose: !!process.env.VERBOSE,
    keepLogs: false,
    untrusted: false,
    locale: undefined,
    then: [],
    settings: {},
    reopen: false,
    runDir: undefined,
    port: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new lib.HarnessError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--env') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq < 1) throw new lib.HarnessError(`--env expects KEY=VALUE, got ${kv}`);
      opts.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (a === '--tests') opts.tests = path.resolve(value());
    else if (a === '--extension') opts.extension = path.resolve(value());
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--keep-logs') opts.keepLogs = true;
    else if (a === '--untrusted') opts.untrusted = true;
    else if (a === '--locale') opts.locale = value();
    else if (a === '--then') opts.then.push(value());
    else if (a === '--reopen') opts.reopen = true;
    else if (a === '--run-dir') opts.runDir = path.resolve(value());
    else if (a === '--port') opts.port = Number(value());
    else if (a === '--setting') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq < 1) throw new lib.HarnessError(`--setting expects KEY=JSON, got ${kv}`);
      try {
        opts.settings[kv.slice(0, eq)] = JSON.parse(kv.slice(eq + 1));
      } catch {
        throw new lib.HarnessError(`--setting ${kv.slice(0, eq)}: the value is not JSON`);
      }
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(
        fs
          .readFileSync(__filename, 'utf8')
          .split('\n')
          .slice(1, 32)
          .map((l) => l.replace(/^\/\/ ?/, ''))
          .join('\n') + '\n',
      );
      process.exit(0);
    } else if (a.startsWith('--')) throw new lib.HarnessError(`unknown option ${a}`);
    else if (opts.workspace === undefined) opts.workspace = a;
    else throw new lib.HarnessError(`unexpected argument ${a}`);
  }
  if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) throw new lib.HarnessError('--timeout expects milliseconds');
  return opts;
}

// Lines the workbench and the server print on every run, offline; not the suite's output.
const NOISE = [
  /^Creating a socket/,
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Updating additional/,
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)/,
  /getaddrinfo/,
  /ENOTFOUND/,
  /^An unknown error occurred/,
  /vsda/,
  /^Canceled/,
];

/** One run of the suite; `extraEnv` may fix the server's port and add to the extension host's environment. */
async function runSuite(opts, workspace, runDir, extraEnv = {}) {
  const outputLog = fs.createWriteStream(path.join(runDir, 'extension-host-output.log'), { flags: 'a' });
  let server;
  let browser;
  let result;
  try {
    server = await lib.startServer({
      dir: runDir,
      smokeTestDriver: true,
      workspaceTrust: opts.untrusted,
      locale: opts.locale,
      settings: opts.settings,
      port: extraEnv.port,
    });
    browser = await lib.launchBrowser();
    const { page } = browser;
    let finish = () => {};
    let settled = false;

    // The workbench forwards the extension host's console (mocha's reporter) here ...
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      outputLog.write(`[${level}] ${text}\n`);
      // After the suite has settled only the extension host's shutdown chatter follows.
      if (settled && !opts.verbose) return;
      if (!opts.verbose && NOISE.some((re) => re.test(text))) return;
      process.stdout.write(level === 'info' || level === 'log' ? `${text}\n` : `[${level}] ${text}\n`);
    });
    // ... and calls this when the suite's run() has settled.
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
    page.on('pageerror', (err) => outputLog.write(`[page error] ${err.stack || err}\n`));
    page.on('console', (msg) => outputLog.write(`[page ${msg.type()}] ${msg.text()}\n`));
    page.on('crash', () => finish({ harness: 'the workbench page crashed' }));

    // One workspace after the other in the same window: opening a folder restarts the extension host.
    const workspaces = [workspace, ...opts.then.map((w) => lib.resolveWorkspace(w))];
    for (const [index, ws] of workspaces.entries()) {
      const extEnv = {
        BSM_TEST_WORKSPACE: ws.path,
        BSM_TEST_FIXTURE: path.basename(ws.path).replace(/\.code-workspace$/, ''),
        BSM_TEST_UNTRUSTED: opts.untrusted ? '1' : '0',
        BSM_TEST_LOCALE: opts.locale ?? '',
        BSM_TEST_STEP: String(index + 1),
        ...opts.env,
        ...extraEnv.env,
      };
      const payload = [
        ['extensionDevelopmentPath', lib.remoteUri(server.origin, opts.extension)],
        ['extensionTestsPath', lib.remoteUri(server.origin, opts.tests)],
        ['extensionEnvironment', JSON.stringify(extEnv)],
        ['skipWelcome', 'true'],
      ];
      const url = lib.workbenchUrl(server.origin, ws, payload);
      console.log(`[vscode:test] ${path.relative(process.cwd(), ws.path) || '.'} (${ws.kind}) on code-server ${server.origin}`);
      settled = false;
      const finished = new Promise((r) => {
        finish = (v) => {
          settled = true;
          r(v);
        };
      });
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
      let timer;
      const outcome = await Promise.race([
        finished,
        new Promise((r) => {
          timer = setTimeout(() => r({ timeout: true }), opts.timeout);
        }),
      ]);
      clearTimeout(timer);

      if (outcome.timeout) {
        console.error(`[vscode:test] timed out after ${opts.timeout} ms`);
        result = EXIT.timeout;
      } else if (outcome.harness) {
        console.error(`[vscode:test] ${outcome.harness}`);
        result = EXIT.harness;
      } else {
        result = outcome.code === 0 ? EXIT.pass : EXIT.fail;
      }
      if (result !== EXIT.pass) break;
    }
  } catch (err) {
    console.error(`[vscode:test] harness error: ${err instanceof lib.HarnessError ? err.message : err.stack || err}`);
    result = EXIT.harness;
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
    await new Promise((r) => outputLog.end(r));
  }
  return result;
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  lib.checkInstalled();
  const workspace = lib.resolveWorkspace(opts.workspace);
  if (!fs.existsSync(`${opts.tests}.js`) && !fs.existsSync(opts.tests)) {
    throw new lib.HarnessError(`suite entry not found: ${opts.tests}.js (compile first: npx tsc -p .)`);
  }
  if (!fs.existsSync(path.join(opts.extension, 'package.json'))) {
    throw new lib.HarnessError(`no package.json in the extension folder ${opts.extension}`);
  }

  const runDir = opts.runDir ?? lib.makeRunDir('tests');
  if (opts.runDir) fs.mkdirSync(runDir, { recursive: true });
  let result;
  if (opts.reopen) {
    // The same user data and port (the web workbench keys a workspace's storage by its URI, port
    // included) for every phase, on a copy of the folder that the phases change between runs, as a
    // user would while the window is closed.
    const copy = reopen.copyWorkspace(workspace.path);
    const port = await lib.freePort();
    try {
      for (let phase = 1; phase <= reopen.PHASES; phase++) {
        reopen.beforePhase(phase, copy);
        console.log(`[vscode:test] reopen phase ${phase} of ${reopen.PHASES}`);
        result = await runSuite(opts, { ...workspace, path: copy }, runDir, { port, env: { BSM_TEST_REOPEN_PHASE: String(phase) } });
        if (result !== EXIT.pass) break;
      }
    } finally {
      fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  } else result = await runSuite(opts, workspace, runDir, { port: opts.port });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = ['passed', 'failed', 'timed out', 'harness error'][result];
  if (result === EXIT.pass && !opts.keepLogs && !opts.runDir) {
    fs.rmSync(runDir, { recursive: true, force: true });
    console.log(`[vscode:test] ${verdict} in ${seconds} s`);
  } else {
    console.log(`[vscode:test] ${verdict} in ${seconds} s; logs kept in ${runDir}`);
    console.log('[vscode:test]   server.log, extension-host-output.log, user-data/logs/*/ (remote extension host log)');
  }
  return result;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode:test] harness error: ${err instanceof lib.HarnessError ? err.message : err.stack || err}`);
    process.exit(EXIT.harness);
  },
);
