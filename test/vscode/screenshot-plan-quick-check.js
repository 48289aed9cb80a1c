'use strict';
// Reopening an unchanged workspace: the sample is scanned, the window reloaded, and the scan log
// shows the quick check's line beside the Skills view, settled. Same shape as screenshot-plan.js.
const base = require('./screenshot-plan');

const { widenSideBar, reloadWindow } = base.helpers;

module.exports = {
  workspace: base.workspace,
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'quick-check',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        // The scan's store is written a second after the scan.
        ['wait', 2500],
        reloadWindow,
        ['runCommand', 'View: Show Backend Skill Map'],
        widenSideBar,
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        ['runCommand', 'Backend Skill Map: Show scan log'],
        // The log's lines from the reload on, the quick check's among them, in view.
        ['runCommand', 'View: Toggle Maximized Panel'],
        ['waitForText', /quick\scheck:\snothing\schanged/, '.part.panel'],
        ['expandTreeItem', /^Databases/],
        ['mouseAway'],
      ],
    },
  ],
};
