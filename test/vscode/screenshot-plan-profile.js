'use strict';
// The Profile view and the timeline, over three small git repositories made from fixtures, each
// committed in stages with dates spread over two years (so that blame has a history to tell):
//
//   npm run build && node test/vscode/screenshots.js /tmp/profile-shots --plan test/vscode/screenshot-plan-profile.js
//
// The repositories are written to a temporary folder when the plan is loaded. The window opens
// each one in turn, adds it to the profile, then shows the Profile view and the timeline.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const lib = require('./lib');
const { helpers } = require('./screenshot-plan');

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const ROOT = path.join(os.tmpdir(), 'bsm-profile-demo');

/**
 * Each stage: a date, the fixture files it adds, lines (regular expressions) of the files it writes
 * that it leaves out for a later stage to add, and the author when it is not the user (Demo, the
 * name each repository's own config holds, so the Profile view tells "yours" from "the project's").
 */
const COLLEAGUE = 'Sam Lee';
const REPOS = {
  'orders-api': {
    fixture: 'express-postgres-redis',
    stages: [
      [
        '2024-11-18',
        ['README.md', '.gitignore', 'src/app.js', 'src/server.js', 'package.json'],
        /"(pg|ioredis|jsonwebtoken|helmet|express-rate-limit|jest|supertest)"/,
      ],
      [
        '2025-02-10',
        ['package.json', 'src/db/pool.js', 'db/migrations/001_create_orders.sql', 'src/routes/orders.js'],
        /"(ioredis|jsonwebtoken|helmet|express-rate-limit|jest|supertest)"/,
      ],
      ['2025-05-06', ['package.json', 'test/orders.test.js'], /"(ioredis|jsonwebtoken|helmet|express-rate-limit)"/],
      ['2025-07-22', ['package.json', 'docker-compose.yml', 'Dockerfile'], /"(jsonwebtoken|helmet|express-rate-limit)"/],
      ['2025-11-04', ['package.json', 'src/db/cache.js', 'src/auth.js']],
      ['2026-03-17', ['.github/workflows/ci.yml']],
    ],
  },
  'inventory-service': {
    fixture: 'go-gin-helm',
    stages: [
      [
        '2025-03-03',
        [
          '.gitignore',
          'go.mod',
          'cmd/server/main.go',
          'internal/api/handlers.go',
          'internal/store/postgres.go',
          'migrations/000001_create_items.up.sql',
        ],
        /go-redis|gobreaker|grpc|protobuf/,
      ],
      ['2025-08-12', ['go.mod', 'internal/api/handlers_test.go'], /gobreaker|grpc|protobuf/],
      [
        '2026-01-20',
        ['go.mod', 'internal/cache/redis.go', 'internal/pricing/client.go', 'proto/pricing/v1/pricing.proto'],
        undefined,
        COLLEAGUE,
      ],
      ['2026-06-09', ['Dockerfile', 'deploy', '.github', '.golangci.yml']],
    ],
  },
  'ratings-api': {
    fixture: 'python-fastapi-ml',
    stages: [
      [
        '2026-02-02',
        [
          '.gitignore',
          'README.md',
          'pyproject.toml',
          'alembic.ini',
          'alembic',
          'app/__init__.py',
          'app/main.py',
          'app/config.py',
          'app/db.py',
          'app/models.py',
          'app/api',
        ],
      ],
      ['2026-05-19', ['tests', 'app/security.py', '.pre-commit-config.yaml']],
      ['2026-09-28', ['app/events.py', 'app/graph.py', 'app/ml']],
    ],
  },
};

function git(cwd, args, date, author) {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` };
  if (author) Object.assign(env, { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'colleague@localhost' });
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@localhost', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env,
    stdio: 'ignore',
  });
}

function copy(from, to, leaveOut) {
  if (fs.statSync(from).isDirectory()) {
    for (const name of fs.readdirSync(from)) copy(path.join(from, name), path.join(to, name), leaveOut);
    return;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const text = fs.readFileSync(from, 'utf8');
  fs.writeFileSync(
    to,
    leaveOut
      ? text
          .split('\n')
          .filter((l) => !leaveOut.test(l))
          .join('\n')
      : text,
  );
}

function makeRepos() {
  fs.rmSync(ROOT, { recursive: true, force: true });
  for (const [name, { fixture, stages }] of Object.entries(REPOS)) {
    const dir = path.join(ROOT, name);
    fs.mkdirSync(dir, { recursive: true });
    git(dir, ['init', '-q'], stages[0][0]);
    git(dir, ['config', 'user.name', 'Demo'], stages[0][0]);
    git(dir, ['config', 'user.email', 'demo@localhost'], stages[0][0]);
    for (const [date, files, leaveOut, author] of stages) {
      for (const f of files) copy(path.join(FIXTURES, fixture, f), path.join(dir, f), leaveOut);
      git(dir, ['add', '-A'], date);
      git(dir, ['commit', '-q', '-m', `work of ${date}`], date, author);
    }
  }
}

makeRepos();

/** Opens another folder in the same window (the extension host restarts; global storage stays). */
function openFolder(name) {
  return async function openFolder(wb, page) {
    const origin = new URL(page.url()).origin;
    await page.goto(lib.workbenchUrl(origin, { kind: 'folder', path: path.join(ROOT, name) }), { waitUntil: 'domcontentloaded' });
    await wb.waitReady();
  };
}

/** Adds the open folder to the profile once its scan is done, and clears the offer's toast. */
function addToProfile() {
  return [
    ['openContainer', 'Backend Skill Map'],
    ['waitForText', /of \d+ practised/, '.part.sidebar'],
    ['runCommand', 'Backend Skill Map: Add This Project to My Profile'],
    // Commit dates are read after the scan is stored.
    ['wait', 2500],
    ['runCommand', 'Notifications: Clear All Notifications'],
  ];
}

/** Folds the Skills view and unfolds the Profile view (folded at first), so that it has the side bar. */
async function foldSkillsView(wb, page) {
  const header = (name) => page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^${name}`) }).first();
  if ((await header('Skills').getAttribute('aria-expanded')) !== 'false') await header('Skills').click();
  if ((await header('Profile').getAttribute('aria-expanded')) === 'false') await header('Profile').click();
}

module.exports = {
  workspace: path.join(ROOT, 'orders-api'),
  viewport: { width: 1280, height: 800 },
  settings: {
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.startupEditor': 'none',
    'git.enabled': true,
    'git.openRepositoryInParentFolders': 'never',
  },
  shots: [
    {
      name: 'profile-view',
      clip: 'sidebar',
      steps: [
        ...addToProfile(),
        openFolder('inventory-service'),
        ...addToProfile(),
        openFolder('ratings-api'),
        ...addToProfile(),
        helpers.widenSideBar,
        foldSkillsView,
        ['waitForText', /Advanced caching strategies/, '.part.sidebar'],
        ['expandTreeItem', /^Advanced caching strategies, practised/],
        ['expandTreeItem', /^Databases, practised/],
        ['mouseAway'],
      ],
    },
    {
      name: 'timeline',
      steps: [['runCommand', 'Backend Skill Map: Show Skills over Time'], ['wait', 2000], ['mouseAway']],
    },
  ],
};
