'use strict';
// The map remembered from the last session: with start-up scanning off, the sample is scanned once
// by Refresh and the window is reloaded. The Skills view then shows the remembered map, marked as
// not checked, before any file is read. Same shape as screenshot-plan.js.
const base = require('./screenshot-plan');

const { widenSideBar, reloadWindow } = base.helpers;

module.exports = {
  workspace: base.workspace,
  viewport: base.viewport,
  settings: { ...base.settings, 'backendSkillMap.scanOnStartup': false },
  shots: [
    {
      name: 'remembered-map',
      clip: 'sidebar',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        ['runCommand', 'Backend Skill Map: Refresh skill map'],
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        // The scan's store is written a second after the scan.
        ['wait', 2500],
        reloadWindow,
        // The reloaded window restores the side bar as it was: showing it again must not toggle it.
        ['runCommand', 'View: Show Backend Skill Map'],
        widenSideBar,
        ['waitForText', /Remembered from the last session/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['mouseAway'],
      ],
    },
  ],
};
