'use strict';
// The tree, a hover and the guidance page in both high-contrast themes, to check that icons,
// statuses, the status badge and the reason box stay legible there:
//
//   npm run build && node test/vscode/screenshots.js /tmp/hc-shots --plan test/vscode/screenshot-plan-contrast.js
//
// One server, one page: the dark theme comes from the settings, the light one is chosen with
// the theme picker (Ctrl+K Ctrl+T) half way through.
const { helpers } = require('./screenshot-plan');

/** Chooses a colour theme by its label in the picker (e.g. "Light High Contrast"), as a user would. */
function chooseTheme(name, bodyClass) {
  return async function chooseTheme(wb, page) {
    // Ctrl+K Ctrl+T: the palette's fuzzy match for "Color Theme" may pick the marketplace browser.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    // Type only once the picker lists the installed themes, or the text lands in another list.
    const row = (text) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
    await row('High Contrast').waitFor({ timeout: 15000 });
    await page.keyboard.type(name);
    await page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: new RegExp(`^${name}`) })
      .first()
      .waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator(`.monaco-workbench.${bodyClass}`).first().waitFor({ timeout: 15000 });
  };
}

/** The three shots for the current theme, named <prefix>-tree, <prefix>-hover, <prefix>-guidance. */
function shotsFor(prefix, before = []) {
  return [
    {
      name: `${prefix}-tree`,
      steps: [
        ...before,
        ['openContainer', 'Backend Skill Map'],
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['expandTreeItem', /^PostgreSQL/],
        ['clickTreeItem', /^package\.json:\d+/],
        ['expandTreeItem', /^Advanced caching strategies/],
        ['hoverTreeItem', /^Databases/, 'Learning time'],
      ],
    },
    {
      name: `${prefix}-hover`,
      steps: [['reset'], ['openFile', 'package.json'], ['hoverWord', 'pg', 'Backend Skill Map']],
    },
    {
      name: `${prefix}-guidance`,
      steps: [
        ['reset'],
        ['runCommand', 'Backend Skill Map: Open skill guidance'],
        ['waitForText', /Databases/, '.quick-input-widget'],
        ['type', 'caching'],
        ['wait', 300],
        ['press', 'Enter'],
        ['wait', 2500],
        ['mouseAway'],
      ],
    },
  ];
}

module.exports = {
  workspace: 'test/fixtures/express-postgres-redis',
  viewport: { width: 1280, height: 800 },
  settings: { 'workbench.colorTheme': 'Default High Contrast', 'workbench.startupEditor': 'none' },
  shots: [
    ...shotsFor('high-contrast-dark', [['openContainer', 'Backend Skill Map'], helpers.widenSideBar]),
    ...shotsFor('high-contrast-light', [['reset'], chooseTheme('Light High Contrast', 'hc-light')]),
  ],
};
