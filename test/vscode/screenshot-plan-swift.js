'use strict';
// Screenshots of a server-side Swift project (test/fixtures/vapor-todos): the tree's evidence from
// Package.swift and Swift sources, and a hover on a package in Package.swift. Same shape as
// screenshot-plan.js.
const base = require('./screenshot-plan');

module.exports = {
  workspace: 'test/fixtures/vapor-todos',
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'swift-tree',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        base.helpers.widenSideBar,
        ['waitForText', /9 of 13 practised/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['expandTreeItem', /^Fluent/],
        ['mouseAway'],
      ],
    },
    {
      name: 'swift-hover',
      steps: [['reset'], ['openFile', 'Package.swift'], ['hoverWord', 'fluent-postgres-driver', 'Backend Skill Map']],
    },
  ],
};
