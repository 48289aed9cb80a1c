'use strict';
// Screenshots of a Play Framework project in Scala (test/fixtures/play-scala-api): the tree's
// evidence from build.sbt, project/plugins.sbt and a controller, and a hover on a module in
// build.sbt. Same shape as screenshot-plan.js.
const base = require('./screenshot-plan');

module.exports = {
  workspace: 'test/fixtures/play-scala-api',
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'scala-tree',
      steps: [
        ['openContainer', 'Backend Skill Map'],
        base.helpers.widenSideBar,
        ['waitForText', /7 of 13 practised/, '.part.sidebar'],
        ['expandTreeItem', /^Databases/],
        ['expandTreeItem', /^API development/],
        ['mouseAway'],
      ],
    },
    {
      name: 'scala-hover',
      steps: [['reset'], ['openFile', 'build.sbt'], ['hoverWord', 'play-slick', 'Backend Skill Map']],
    },
  ],
};
