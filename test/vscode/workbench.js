'use strict';
// Actions on the VS Code web workbench, for the screenshot plan (screenshot-plan.js).
// A plan step is [actionName, ...args]; every method below whose name does not start with an
// underscore is an action. Add one here when a plan needs something new.
//
// Selectors are the workbench's own DOM (stable across recent VS Code versions): activity bar
// items carry the container title as aria-label, tree rows are role=treeitem, hovers are
// .monaco-hover, the quick input is .quick-input-widget, toasts are .notifications-toasts.

const fs = require('fs');
const path = require('path');

const SHORT = 15000;
const LONG = 60000;

/** A string matches as a substring; a RegExp as itself. */
function pattern(text) {
  if (text instanceof RegExp) return text;
  return new RegExp(String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

class Workbench {
  /** @param page a playwright Page showing the workbench; @param outDir where PNGs go */
  constructor(page, outDir, { settle = 600 } = {}) {
    this.page = page;
    this.outDir = outDir;
    this.settle = settle;
  }

  // --- waiting -----------------------------------------------------------------------------

  /** The workbench has rendered its activity bar and status bar. */
  async waitReady() {
    await this.page.locator('.monaco-workbench .part.activitybar').first().waitFor({ timeout: LONG });
    await this.page.locator('.monaco-workbench .part.statusbar').first().waitFor({ timeout: LONG });
  }

  /** Some visible text appears, optionally inside a CSS selector. */
  async waitForText(text, selector = '.monaco-workbench') {
    await this.page
      .locator(selector, { hasText: pattern(text) })
      .first()
      .waitFor({ timeout: LONG });
  }

  /** A notification toast with this text is shown (needs a server without the smoke-test driver). */
  async waitForToast(text) {
    await this.page
      .locator('.notifications-toasts .notification-toast', { hasText: pattern(text) })
      .first()
      .waitFor({ timeout: SHORT });
  }

  async wait(ms) {
    await this.page.waitForTimeout(ms);
  }

  // --- side bar and views ------------------------------------------------------------------

  /** Clicks the activity-bar item whose title starts with `title` (e.g. "Backend Skill Map", "Explorer"). */
  async openContainer(title) {
    const item = this.page.locator(`.part.activitybar [aria-label^="${title.replace(/"/g, '\\"')}"]`).first();
    await item.waitFor({ timeout: LONG });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title', { hasText: pattern(title) });
    // Clicking the active container would close the side bar; click only when it is not shown.
    if (
      !(await sidebarTitle
        .first()
        .isVisible()
        .catch(() => false))
    )
      await item.click();
    await sidebarTitle.first().waitFor({ timeout: SHORT });
  }

  async showExplorer() {
    await this.openContainer('Explorer');
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
  }

  _treeItem(label) {
    return this.page.getByRole('treeitem', { name: pattern(label) }).first();
  }

  /** Expands a tree row (explorer folder, our skill tree node, ...) whose accessible name matches. */
  async expandTreeItem(label) {
    const row = this._treeItem(label);
    await row.waitFor({ timeout: LONG });
    // A tree that re-renders its rows (a scan result arriving) may drop a click: click again then.
    for (let attempt = 1; attempt <= 3; attempt++) {
      if ((await row.getAttribute('aria-expanded')) !== 'false') return;
      await row.click();
      const expanded = await this.page
        .waitForFunction((el) => el.isConnected && el.getAttribute('aria-expanded') !== 'false', await row.elementHandle(), {
          timeout: attempt < 3 ? 3000 : SHORT,
        })
        .then(() => true)
        .catch(() => false);
      if (expanded) return;
    }
    throw new Error(`the tree row ${label} did not expand`);
  }

  /** Clicks a tree row (selects it; a leaf with a command runs it, e.g. opens file:line). */
  async clickTreeItem(label) {
    const row = this._treeItem(label);
    await row.waitFor({ timeout: LONG });
    await row.click();
  }

  /** Hovers a tree row and waits for its tooltip (optionally containing `expect`). */
  async hoverTreeItem(label, expect) {
    const row = this._treeItem(label);
    await row.waitFor({ timeout: LONG });
    await row.hover();
    await this._waitForHover(expect);
  }

  // --- editors -----------------------------------------------------------------------------

  /** Opens a file by workspace-relative path through Quick Open. */
  async openFile(relPath) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: SHORT });
    await input.fill(relPath);
    await this.page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: SHORT });
    await this.page.waitForTimeout(300);
    await this.page.keyboard.press('Enter');
    const name = path.basename(relPath);
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: SHORT });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: SHORT });
  }

  /** Moves the mouse onto the first visible occurrence of `word` in the editor; waits for the hover. */
  async hoverWord(word, expect) {
    const span = this.page.locator('.editor-instance .monaco-editor .view-line span span', { hasText: pattern(word) }).first();
    await span.waitFor({ timeout: SHORT });
    await this.page.waitForTimeout(500); // language features attach after the text renders
    const text = (await span.textContent()) || '';
    const box = await span.boundingBox();
    // Aim at the word itself inside its token, not the token's middle.
    const at = Math.max(0, text.indexOf(typeof word === 'string' ? word : (text.match(word) || [''])[0]));
    const wordLen = typeof word === 'string' ? word.length : 1;
    const charW = box.width / Math.max(1, text.length);
    await this.page.mouse.move(box.x + charW * (at + wordLen / 2), box.y + box.height / 2);
    await this._waitForHover(expect);
  }

  async _waitForHover(expect) {
    const hover =
      expect === undefined
        ? this.page.locator('.monaco-hover:visible')
        : this.page.locator('.monaco-hover:visible', { hasText: pattern(expect) });
    await hover.first().waitFor({ timeout: SHORT });
  }

  // --- commands and keys -------------------------------------------------------------------

  /**
   * Runs a command by its palette title (e.g. "Backend Skill Map: Rescan Workspace").
   * With { submit: false } it stops with the palette open and the command highlighted.
   */
  async runCommand(title, { submit = true } = {}) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: SHORT });
    await input.fill(`>${title}`);
    await this.page
      .locator('.quick-input-widget .monaco-list-row', { hasText: pattern(title) })
      .first()
      .waitFor({ timeout: SHORT });
    await this.page.waitForTimeout(300);
    if (submit) {
      await this.page.keyboard.press('Enter');
      await this.page
        .locator('.quick-input-widget')
        .first()
        .waitFor({ state: 'hidden', timeout: SHORT })
        .catch(() => {});
    }
  }

  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  async type(text) {
    await this.page.keyboard.type(text);
  }

  /** Clicks whatever matches a CSS selector (optionally with some text). */
  async click(selector, text) {
    const target = text === undefined ? this.page.locator(selector) : this.page.locator(selector, { hasText: pattern(text) });
    await target.first().click({ timeout: SHORT });
  }

  /** Moves the mouse to a quiet corner, so hovers close and nothing is highlighted. */
  async mouseAway() {
    const vp = this.page.viewportSize() || { width: 1280, height: 800 };
    await this.page.mouse.move(vp.width - 5, vp.height - 40);
  }

  /** Closes palette, hovers and all editors: a clean state between shots. */
  async reset() {
    await this.page.keyboard.press('Escape');
    await this.mouseAway();
    await this.runCommand('View: Close All Editors');
  }

  // --- output ------------------------------------------------------------------------------

  /**
   * Saves <outDir>/<name>.png after letting fades finish. `clip` may be 'sidebar', 'editor',
   * 'panel' or a CSS selector to capture only that part.
   */
  async screenshot(name, clip) {
    await this.page.waitForTimeout(this.settle);
    const file = path.join(this.outDir, `${name}.png`);
    fs.mkdirSync(this.outDir, { recursive: true });
    const parts = { sidebar: '.part.sidebar', editor: '.part.editor', panel: '.part.panel' };
    if (clip)
      await this.page
        .locator(parts[clip] || clip)
        .first()
        .screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    return file;
  }
}

/** Names of the actions a plan step may use. */
function actionNames() {
  return Object.getOwnPropertyNames(Workbench.prototype).filter((n) => n !== 'constructor' && !n.startsWith('_'));
}

module.exports = { Workbench, actionNames, pattern };
