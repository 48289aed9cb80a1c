'use strict';
// Takes screenshots of the extension in a real VS Code workbench (code-server + headless
// chromium), following a plan of steps (default: screenshot-plan.js next to this file).
//
//   node test/vscode/screenshots.js [outDir] [options]
//
//   outDir            where the PNGs go (default: .vscode-test/screenshots)
//   --folder PATH     workspace folder or .code-workspace (default: the plan's workspace)
//   --plan FILE       another plan module with the same shape as screenshot-plan.js
//   --only TEXT       only the shots whose name contains TEXT (a shot runs only its own steps,
//                     so one meant to run alone should not rely on an earlier shot's state)
//   --vsix FILE       install this .vsix instead of symlinking the repo (tests the package)
//   --extension PATH  the extension folder to symlink (default: the repo root)
//   --origin URL      use an already running server (node test/vscode/start-server.js)
//
// The extension must be built first (npm run build) unless --vsix is given. On a failing step
// the page is saved as <name>.failed.png and the tool exits 1; harness problems exit 3.

const fs = require('fs');
const path = require('path');
const lib = require('./lib');
const { Workbench, actionNames } = require('./workbench');
const { startUiServer } = require('./start-server');

function parseArgs(argv) {
  const opts = {
    extension: lib.paths.repoRoot,
    outDir: path.join(lib.paths.cache, 'screenshots'),
    plan: path.join(__dirname, 'screenshot-plan.js'),
  };
  let positional = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--folder') opts.folder = argv[++i];
    else if (a === '--plan') opts.plan = path.resolve(argv[++i]);
    else if (a === '--only') opts.only = argv[++i];
    else if (a === '--extension') opts.extension = path.resolve(argv[++i]);
    else if (a === '--vsix') opts.vsix = path.resolve(argv[++i]);
    else if (a === '--origin') opts.origin = argv[++i].replace(/\/+$/, '');
    else if (a.startsWith('--')) throw new lib.HarnessError(`unknown option ${a}`);
    else if (positional++ === 0) opts.outDir = path.resolve(a);
    else throw new lib.HarnessError(`unexpected argument ${a}`);
  }
  return opts;
}

function mainExists(extension) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  const main = path.resolve(extension, pkg.main || 'index.js');
  return [main, `${main}.js`].some((f) => fs.existsSync(f));
}

function describeStep(step) {
  if (typeof step === 'function') return step.name || 'custom step';
  return JSON.stringify(step, (k, v) => (v instanceof RegExp ? String(v) : v));
}

async function runStep(wb, step) {
  if (typeof step === 'function') return step(wb, wb.page);
  const [action, ...args] = step;
  if (!actionNames().includes(action)) {
    throw new lib.HarnessError(`unknown action "${action}"; known: ${actionNames().join(', ')}`);
  }
  return wb[action](...args);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const plan = require(opts.plan);
  const workspace = lib.resolveWorkspace(
    opts.folder ? path.resolve(opts.folder) : path.resolve(lib.paths.repoRoot, plan.workspace || lib.paths.defaultWorkspace),
  );
  const shots = (plan.shots || []).filter((s) => !opts.only || s.name.includes(opts.only));
  if (!shots.length) throw new lib.HarnessError('the plan has no shots to take');
  if (!opts.vsix && !opts.origin && !mainExists(opts.extension)) {
    throw new lib.HarnessError(`the extension's main file is missing in ${opts.extension}: run npm run build first`);
  }
  lib.checkInstalled();

  let server;
  let browser;
  let failed = false;
  try {
    server = opts.origin
      ? { origin: opts.origin }
      : await startUiServer({ vsix: opts.vsix, extension: opts.extension, settings: plan.settings, locale: plan.locale });
    browser = await lib.launchBrowser({ viewport: plan.viewport });
    const wb = new Workbench(browser.page, opts.outDir, { settle: plan.settle });
    await browser.page.goto(lib.workbenchUrl(server.origin, workspace), { waitUntil: 'domcontentloaded', timeout: 60000 });
    await wb.waitReady();
    for (const shot of shots) {
      const started = Date.now();
      let current;
      try {
        for (const step of shot.steps || []) {
          current = step;
          await runStep(wb, step);
        }
        const file = await wb.screenshot(shot.name, shot.clip);
        console.log(`[screenshots] ${path.relative(process.cwd(), file)} (${Date.now() - started} ms)`);
      } catch (err) {
        failed = true;
        const file = await wb.screenshot(`${shot.name}.failed`).catch(() => undefined);
        console.error(`[screenshots] ${shot.name}: step ${describeStep(current)} failed: ${err.message.split('\n')[0]}`);
        if (file) console.error(`[screenshots]   page at that moment: ${path.relative(process.cwd(), file)}`);
        if (err instanceof lib.HarnessError) throw err;
        break;
      }
    }
  } finally {
    if (browser) await browser.close();
    if (server && server.stop) {
      await server.stop();
      if (!failed) fs.rmSync(server.dir, { recursive: true, force: true });
      else console.error(`[screenshots]   server logs: ${server.dir}`);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[screenshots] ${err instanceof lib.HarnessError ? err.message : err.stack || err}`);
    process.exit(3);
  },
);
