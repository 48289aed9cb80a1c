'use strict';
// Screenshots of a verdict no single line proves: three services deployed on their own
// (test/fixtures/shop-services). Same shape as screenshot-plan.js.
const base = require('./screenshot-plan');

const widenSideBar = base.shots[0].steps.find((s) => typeof s === 'function');

module.exports = {
  workspace: 'test/fixtures/shop-services',
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'services',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        widenSideBar,
        widenSideBar,
        ['waitForText', /of 13 practised/, '.part.sidebar'],
        ['expandTreeItem', /^Microservices architecture/],
        ['expandTreeItem', /^Separately deployed services/],
        ['clickTreeItem', /^orders\/src\/server\.js:\d+/],
        ['mouseAway'],
      ],
    },
  ],
};
