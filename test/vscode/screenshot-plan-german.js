'use strict';
// The sample workspace with the display language set to German (`locale`: the server starts with
// --locale and the language pack under language-packs/). Same shape as screenshot-plan.js.
const base = require('./screenshot-plan');

const widenSideBar = base.shots[0].steps.find((s) => typeof s === 'function');

module.exports = {
  workspace: 'test/fixtures/express-postgres-redis',
  locale: 'de',
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'german',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        widenSideBar,
        widenSideBar,
        ['waitForText', /von 13 geübt/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['expandTreeItem', /^PostgreSQL/],
        ['mouseAway'],
      ],
    },
  ],
};
