'use strict';
// Screenshots of Kubernetes manifests kept as ERB templates (test/fixtures/rails-sidekiq,
// config/deploy/production/*.yml.erb): the hover on an ALB annotation of the ingress template, and
// the tree's Load balancing evidence from it. Same shape as screenshot-plan.js.
const base = require('./screenshot-plan');

module.exports = {
  workspace: 'test/fixtures/rails-sidekiq',
  viewport: base.viewport,
  settings: base.settings,
  shots: [
    {
      name: 'template-hover',
      steps: [
        ['openFile', 'config/deploy/production/ingress.yml.erb'],
        ['hoverWord', 'scheme', 'Backend Skill Map'],
      ],
    },
    {
      name: 'template-tree',
      steps: [
        ['reset'],
        ['openContainer', 'Backend Skill Map'],
        base.helpers.widenSideBar,
        ['waitForText', /practised/, '.part.sidebar'],
        ['expandTreeItem', /^Load balancing/],
        ['expandTreeItem', /^Server administration/],
        ['mouseAway'],
      ],
    },
  ],
};
