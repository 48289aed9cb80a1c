'use strict';
// The context menu of an evidence row: Not evidence and Exclude from skill map. Same shape as
// screenshot-plan.js.
const base = require('./screenshot-plan');

const widenSideBar = base.shots[0].steps.find((s) => typeof s === 'function');

/** Right-clicks the evidence row and waits for the menu to show the two entries. */
async function openEvidenceMenu(wb, page) {
  const row = page.getByRole('treeitem', { name: /^package\.json:\d+/ }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click({ button: 'right' });
  await page
    .getByRole('menuitem', { name: /Not evidence/ })
    .first()
    .waitFor({ timeout: 10000 });
  await page
    .getByRole('menuitem', { name: /Exclude from skill map/ })
    .first()
    .waitFor({ timeout: 10000 });
}

/** Chooses Not evidence: the quick pick asks where to save it (left open, nothing is written). */
async function chooseNotEvidence(wb, page) {
  await page
    .getByRole('menuitem', { name: /Not evidence/ })
    .first()
    .click();
  await page
    .getByRole('option', { name: /User settings/ })
    .first()
    .waitFor({ timeout: 10000 });
}

/** Right-clicks a folder of the Explorer and waits for Exclude from skill map. */
async function openExplorerMenu(wb, page) {
  const row = page.getByRole('treeitem', { name: /^src$/ }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click({ button: 'right' });
  await page
    .getByRole('menuitem', { name: /Exclude from skill map/ })
    .first()
    .waitFor({ timeout: 10000 });
}

module.exports = {
  workspace: base.workspace,
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'evidence-menu',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        widenSideBar,
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['expandTreeItem', /^PostgreSQL/],
        openEvidenceMenu,
      ],
    },
    { name: 'evidence-scope', steps: [chooseNotEvidence] },
    { name: 'explorer-menu', steps: [['press', 'Escape'], ['showExplorer'], openExplorerMenu] },
  ],
};
