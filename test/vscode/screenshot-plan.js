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

module.exports = {
  // Folder or .code-workspace, relative to the repo root; --folder overrides it.
  workspace: 'test/fixtures/express-postgres-redis',
  viewport: { width: 1280, height: 800 },
  // Extra user settings for the screenshot server.
  settings: {},
  shots: [
    {
      name: '01-explorer',
      steps: [['showExplorer'], ['mouseAway']],
    },
    // Steps for the extension's own UI, to enable as it lands:
    // {
    //   name: '02-skill-tree',
    //   steps: [['openContainer', 'Backend Skill Map'], ['expandTreeItem', 'Databases'], ['mouseAway']],
    // },
    // {
    //   name: '03-manifest-hover',
    //   steps: [['openFile', 'package.json'], ['hoverWord', 'pg', 'Databases']],
    // },
    // {
    //   name: '04-palette',
    //   steps: [['reset'], ['runCommand', 'Backend Skill Map', { submit: false }]],
    // },
  ],
};
