'use strict';
// The README's pictures of the extension, taken in a real workbench:
//   npm run screenshots -- media/screenshots --plan test/integration/suite/screenshot-plan.js
// Steps are actions of test/vscode/workbench.js.

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

module.exports = {
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
      steps: [['reset'], ['openFile', 'package.json'], ['hoverWord', 'ioredis', 'Backend Skill Map']],
    },
    {
      name: 'suggest-next-skill',
      steps: [
        ['reset'],
        ['runCommand', 'Backend Skill Map: Suggest next skill'],
        ['waitForText', /months/, '.quick-input-widget'],
      ],
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
  ],
};
