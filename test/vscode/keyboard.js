'use strict';
// Walks the extension's keyboard path in a real VS Code workbench (code-server + headless
// chromium), with key presses only: no clicks, no commands run from inside the extension host.
//
//   node test/vscode/keyboard.js [options]
//
//   --extension PATH   the extension folder to symlink (default: the repo root)
//   --keep-logs        keep the run folder (server log, page at the end) even when the walk passes
//   --verbose          print the focused element after every key
//
// On test/fixtures/express-postgres-redis it: shows the view from the command palette, moves to a
// skill row with the arrow keys, opens its guidance from the palette (the focused skill comes
// first in the pick), returns to the tree, expands the skill and a technology with Right, opens an
// evidence row with Enter (the editor shows the file at the row's line), and picks a suggestion
// in "Suggest next skill" with Down and Enter (its guidance page opens). Each step is checked in
// the DOM: the focused row's accessible name, the active tab, the status bar.
//
// The extension must be built first (npm run build). Exit code: 0 the walk passed, 1 a step
// failed (the page is saved as keyboard-failed.png in the run folder), 3 harness error.

const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const WORKSPACE = path.join(lib.paths.repoRoot, 'test', 'fixtures', 'express-postgres-redis');
const SKILL = 'Databases';
const TIMEOUT = 15000;

class StepError extends Error {}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseArgs(argv) {
  const opts = { extension: lib.paths.repoRoot, keepLogs: false, verbose: !!process.env.VERBOSE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--extension') opts.extension = path.resolve(argv[++i]);
    else if (a === '--keep-logs') opts.keepLogs = true;
    else if (a === '--verbose') opts.verbose = true;
    else throw new lib.HarnessError(`unknown argument ${a}`);
  }
  return opts;
}

/** Reads what the keyboard is on: the focused list row (tree or quick pick), the active tab, the cursor. */
function focusState() {
  const active = document.activeElement;
  const id = active && active.getAttribute('aria-activedescendant');
  const row = id ? document.getElementById(id) : null;
  const tab = document.querySelector('.part.editor .tabs-container .tab.active');
  const cursor = document.querySelector('.part.statusbar [id="status.editor.selection"]');
  // A row is expanded once its children are rendered below it, one level deeper.
  const next =
    row && row.parentElement ? row.parentElement.querySelector(`[data-index="${Number(row.getAttribute('data-index')) + 1}"]`) : null;
  const childShown = !!(next && Number(next.getAttribute('aria-level')) > Number(row.getAttribute('aria-level')));
  return {
    inTree: !!(active && active.closest('.part.sidebar .tree-explorer-viewlet-tree-view, .part.sidebar .customview-tree')),
    inQuickInput: !!(active && active.closest('.quick-input-widget')),
    // In a context menu, the entry in focus ('' while the menu itself has the focus).
    menuItem:
      !active || !active.closest('.monaco-menu') ? null : active.getAttribute('role') === 'menuitem' ? active.textContent.trim() : '',
    row: row ? row.getAttribute('aria-label') : null,
    expanded: row ? row.getAttribute('aria-expanded') : null,
    childShown,
    tab: tab ? tab.getAttribute('aria-label') || tab.textContent.trim() : null,
    cursor: cursor ? cursor.textContent.trim() : null,
  };
}

class KeyboardWalk {
  constructor(page, { verbose }) {
    this.page = page;
    this.verbose = verbose;
  }

  state() {
    return this.page.evaluate(focusState);
  }

  /** Waits until `test(state)` holds; fails with `what` and the last state seen. */
  async until(what, test, timeout = TIMEOUT) {
    const deadline = Date.now() + timeout;
    let s;
    for (;;) {
      s = await this.state();
      if (test(s)) return s;
      if (Date.now() > deadline) throw new StepError(`${what}; focus was on ${JSON.stringify(s)}`);
      await this.page.waitForTimeout(50);
    }
  }

  /**
   * Presses `key` until `test(state)` holds. While `again(state)` says the press had no effect at
   * all, it is pressed again, a few times at most: a tree that re-renders its rows (a scan result
   * arriving) may drop a key press, and the user would press it again.
   */
  async pressUntil(key, what, test, again, tries = 3, lastTimeout = TIMEOUT) {
    for (let i = 1; ; i++) {
      await this.press(key);
      try {
        return await this.until(what, test, i < tries ? 3000 : lastTimeout);
      } catch (err) {
        if (i >= tries || !(err instanceof StepError) || !again(await this.state())) throw err;
      }
    }
  }

  async press(key) {
    await this.page.keyboard.press(key);
    if (this.verbose) console.log(`[keyboard]   ${key} -> ${JSON.stringify(await this.state())}`);
  }

  /** Runs a command from the palette (F1), typing its title and pressing Enter on the exact match. */
  async palette(title) {
    await this.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: TIMEOUT });
    // The palette opens with ">" typed; replace whatever it holds.
    await this.press('Control+A');
    await this.page.keyboard.type(`>${title}`);
    // The palette lists the command once it has filtered; a better fuzzy match may come first.
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: TIMEOUT }).catch(() => {
      throw new StepError(`the palette did not offer "${title}"`);
    });
    await this.until('the palette did not focus a row', (s) => s.inQuickInput && !!s.row);
    await this.moveTo(new RegExp(`^${escape(title)}(,|$)`), 'ArrowDown', 10);
    await this.press('Enter');
  }

  /** Presses `key` until the focused row's accessible name matches `re` (at most `max` times). */
  async moveTo(re, key = 'ArrowDown', max = 40) {
    let s = await this.state();
    for (let i = 0; i < max && !(s.row && re.test(s.row)); i++) {
      const before = s.row;
      // At the end of the list the focus stays put: the row was not found. A tree re-rendering its
      // rows (a scan result arriving) may drop a press too, so the key is tried three times.
      s = await this.pressUntil(
        key,
        `${key} did not move the focus off "${before}"`,
        (x) => x.row !== before,
        (x) => x.row === before,
        3,
        3000,
      ).catch((err) => {
        throw err instanceof StepError ? new StepError(`no row matching ${re}: ${key} stops at "${before}"`) : err;
      });
    }
    if (!s.row || !re.test(s.row)) throw new StepError(`no row matching ${re} within ${max} presses of ${key}; focus is on "${s.row}"`);
    return s;
  }

  /** Waits until a guidance page (a webview's inner frame) shows `title` as its heading. */
  async guidanceShown(title) {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      for (const frame of this.page.frames()) {
        const h1 = await frame.evaluate(() => document.querySelector('main h1')?.textContent?.trim()).catch(() => undefined);
        if (h1 === title) return;
      }
      if (Date.now() > deadline) throw new StepError(`no guidance page shows the heading "${title}"`);
      await this.page.waitForTimeout(100);
    }
  }

  async focusTree() {
    await this.palette('Backend Skill Map: Focus on Skills View');
    const s = await this.until('the Skills tree did not take the focus', (x) => x.inTree);
    if (s.row) return s;
    // A tree that never had a focused row gets one with the first key.
    await this.press('Home');
    return this.until('Home did not focus a row in the tree', (x) => x.inTree && !!x.row);
  }
}

/** The walk itself: each entry is [description, async (walk) => detail printed on success]. */
const STEPS = [
  [
    'show the view from the palette',
    async (w) => {
      await w.palette('View: Show Backend Skill Map');
      await w.page.locator('.part.sidebar [role="treeitem"][aria-label^="Databases, "]').first().waitFor({ timeout: 60000 });
      const s = await w.focusTree();
      return `focused row "${s.row}"`;
    },
  ],
  [
    `move to ${SKILL} with the arrow keys`,
    async (w) => {
      await w.moveTo(/^Core /, 'ArrowUp');
      const s = await w.moveTo(new RegExp(`^${SKILL}, (practised|started|not shown yet)`));
      return `"${s.row}"`;
    },
  ],
  [
    "open its guidance from the row's context menu",
    async (w) => {
      // Shift+F10 opens the focused row's context menu, whose entries act on that row.
      await w.press('Shift+F10');
      await w.until('Shift+F10 did not open a context menu', (x) => x.menuItem !== null);
      const entry = await w.pressUntil(
        'ArrowDown',
        'the context menu has no "Open skill guidance" entry',
        (x) => /^Open skill guidance/i.test(x.menuItem || ''),
        (x) => x.menuItem === '',
      );
      await w.press('Enter');
      await w.until(`the guidance tab "${SKILL}" did not open`, (x) => x.tab === SKILL);
      await w.guidanceShown(SKILL);
      return `"${entry.menuItem}" on the focused row`;
    },
  ],
  [
    'return to the tree',
    async (w) => {
      const s = await w.focusTree();
      if (!s.row.startsWith(`${SKILL}, `)) throw new StepError(`the tree's focus moved to "${s.row}"`);
      return `back on "${s.row}"`;
    },
  ],
  [
    'expand the skill and a technology with Right',
    async (w) => {
      await w.pressUntil(
        'ArrowRight',
        `Right did not expand ${SKILL}`,
        (x) => x.row.startsWith(SKILL) && x.expanded === 'true' && x.childShown,
        (x) => x.row.startsWith(SKILL) && x.expanded === 'false',
      );
      await w.press('ArrowDown');
      const tech = await w.moveTo(/^PostgreSQL/);
      await w.pressUntil(
        'ArrowRight',
        'Right did not expand PostgreSQL',
        (x) => x.row === tech.row && x.expanded === 'true' && x.childShown,
        (x) => x.row === tech.row && x.expanded === 'false',
      );
      return `"${tech.row}" expanded`;
    },
  ],
  [
    'open an evidence row with Enter',
    async (w) => {
      await w.press('ArrowDown');
      const s = await w.moveTo(/^[^,]+:\d+, .*evidence$/);
      const [, file, line] = s.row.match(/^([^,]+):(\d+)/);
      await w.press('Enter');
      const name = path.basename(file);
      const at = await w.until(
        `Enter on "${s.row}" did not open ${name} at line ${line}`,
        (x) => !!x.tab && x.tab.startsWith(name) && !!x.cursor && x.cursor.startsWith(`Ln ${line},`),
      );
      return `"${s.row}" opened ${at.tab.split(',')[0]} at ${at.cursor}`;
    },
  ],
  [
    'pick a suggestion with Down and Enter',
    async (w) => {
      await w.palette('Backend Skill Map: Suggest next skill');
      const first = await w.until('no suggestion listed', (x) => x.inQuickInput && !!x.row && !x.row.startsWith('Backend Skill Map'));
      await w.press('ArrowDown');
      const s = await w.until('Down did not move to the second suggestion', (x) => !!x.row && x.row !== first.row);
      await w.press('Enter');
      // The row's name is its icon's name, the skill's title, its learning time and the reason.
      const title = s.row.replace(/^[a-z][a-z-]*\s+/, '').split(', ')[0];
      await w.until(`the guidance tab "${title}" did not open`, (x) => !x.inQuickInput && x.tab === title);
      await w.guidanceShown(title);
      return `"${title}" open`;
    },
  ],
];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.extension, 'dist', 'extension.js'))) {
    throw new lib.HarnessError(`${path.join(opts.extension, 'dist', 'extension.js')} is missing: run npm run build first`);
  }
  lib.checkInstalled();
  const started = Date.now();
  const dir = lib.makeRunDir('keyboard');
  let server;
  let browser;
  let failed = false;
  try {
    server = await lib.startServer({ dir, linkExtension: opts.extension });
    browser = await lib.launchBrowser();
    const { page } = browser;
    await page.goto(lib.workbenchUrl(server.origin, lib.resolveWorkspace(WORKSPACE)), { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ timeout: 60000 });
    // The palette lists the extension's commands once its contributions are registered.
    await page.locator('.part.activitybar [aria-label^="Backend Skill Map"]').first().waitFor({ timeout: 60000 });
    const walk = new KeyboardWalk(page, opts);
    for (const [name, run] of STEPS) {
      const t = Date.now();
      try {
        const detail = await run(walk);
        console.log(`[keyboard] ok   ${name}: ${detail} (${Date.now() - t} ms)`);
      } catch (err) {
        failed = true;
        console.error(`[keyboard] FAIL ${name}: ${err instanceof StepError ? err.message : err.stack || err}`);
        await page.screenshot({ path: path.join(dir, 'keyboard-failed.png') }).catch(() => {});
        break;
      }
    }
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
  }
  if (failed || opts.keepLogs) console.error(`[keyboard] server log and page: ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[keyboard] ${failed ? 'failed' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[keyboard] ${err instanceof lib.HarnessError ? err.message : err.stack || err}`);
    process.exit(3);
  },
);
