'use strict';
// What the screenshot tool captures, in order. Each shot runs its steps on the same page (state
// carries over), then saves <outDir>/<name>.png. A step is [action, ...args] with an action
// from workbench.js, or an async function (wb, page) => {...} for anything unusual.
//
// Actions (see workbench.js for details):
//   ['openContainer', 'Backend Skill Map']       activity-bar container by title
//   ['showExplorer']                             the file explorer
//   ['expandTreeItem', 'Databases']              expand a tree row by its label (string or RegExp)
//   ['clickTreeItem', /db\.js:12/]               click a row (runs its command, e.g. opens file:line)
//   ['hoverTreeItem', 'Databases', 'PostgreSQL'] hover a row, wait for its tooltip (text optional)
//   ['openFile', 'package.json']                 quick-open a workspace file
//   ['hoverWord', 'pg', 'Databases']             hover a word in the editor, wait for the hover
//   ['runCommand', 'Backend Skill Map: Rescan']  run from the palette; { submit: false } leaves it open
//   ['waitForText', 'Practised', '.part.sidebar'] wait for text (optionally inside a selector)
//   ['waitForToast', 'Scan finished']            wait for a notification toast
//   ['press', 'Escape'], ['type', 'abc'], ['wait', 500], ['mouseAway'], ['reset'], ['click', sel, text]
//
// A shot may set `clip: 'sidebar' | 'editor' | 'panel' | <css selector>` to save only that part.
/** Clicks into the open guidance page and scrolls it down a little, so that an update shows it stays put. */
async function scrollGuidance(wb, page) {
  const box = await page.locator('.part.editor').first().boundingBox();
  await page.mouse.click(box.x + box.width - 40, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(500);
  // Keys typed into the page stay in its frame: give the focus back to the workbench.
  await page.locator('.tabs-container .tab.active').first().click();
}

/** Drags the side bar's edge so that skill names and technologies fit. */
async function widenSideBar(wb, page) {
  const box = await page.locator('.part.sidebar').first().boundingBox();
  const x = box.x + box.width + 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 200, y, { steps: 8 });
  await page.mouse.up();
}

/** Reloads the window, as reopening the workspace would, and waits for the workbench. */
async function reloadWindow(wb) {
  await wb.runCommand('Developer: Reload Window');
  await wb.wait(3000);
  await wb.waitReady();
}

module.exports = {
  // Custom steps other plans reuse (screenshot-plan-contrast.js, screenshot-plan-remembered.js, ...).
  helpers: { scrollGuidance, widenSideBar, reloadWindow },
  workspace: 'test/fixtures/express-postgres-redis',
  viewport: { width: 1280, height: 800 },
  settings: { 'workbench.colorTheme': 'Default Dark Modern', 'workbench.startupEditor': 'none' },
  shots: [
    {
      name: 'skill-tree',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        widenSideBar,
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['expandTreeItem', /^PostgreSQL/],
        ['clickTreeItem', /^package\.json:\d+/],
        ['expandTreeItem', /^Advanced caching strategies/],
        ['hoverTreeItem', /^Databases/, 'Learning time'],
      ],
    },
    {
      name: 'hover',
      steps: [['reset'], ['openFile', 'package.json'], ['hoverWord', 'pg', 'Backend Skill Map']],
    },
    {
      name: 'suggest-next-skill',
      steps: [['reset'], ['runCommand', 'Backend Skill Map: Suggest next skill'], ['waitForText', /months/, '.quick-input-widget']],
    },
    {
      name: 'guidance',
      steps: [
        ['press', 'Escape'],
        ['runCommand', 'Backend Skill Map: Open skill guidance'],
        ['waitForText', /Databases/, '.quick-input-widget'],
        ['type', 'caching'],
        ['wait', 300],
        ['press', 'Enter'],
        ['wait', 2500],
        ['mouseAway'],
      ],
    },
    {
      // The same page after a mark: patched in place, still scrolled where it was.
      name: 'guidance-updated',
      steps: [
        scrollGuidance,
        ['runCommand', 'Backend Skill Map: Mark skill as done'],
        ['waitForText', /Databases/, '.quick-input-widget'],
        ['type', 'caching'],
        ['wait', 300],
        ['press', 'Enter'],
        ['wait', 1500],
        ['mouseAway'],
      ],
    },
  ],
};
