import * as assert from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCatalog, mergeMaps, toMarkdown, CatalogError } from '../../src/core';
import { formatText } from '../../src/cli/format';
import { builtinCatalog, scanMemory, SKILLS_DIR } from './helpers';

const SOFT_SKILLS = [
  'logical-thinking',
  'communication',
  'teamwork',
  'prioritisation',
  'willingness-to-learn',
  'attention-to-detail',
  'negotiation',
];

/** A workspace with a signal for several soft skills beside an ordinary Express service. */
const SIGNALS = {
  'docs/adr/0001-use-postgres.md': '# Use PostgreSQL\n',
  'openapi.yaml': 'openapi: 3.1.0\ninfo: { title: Orders, version: "1" }\npaths: {}\n',
  '.github/CODEOWNERS': '* @acme/backend\n',
  '.github/pull_request_template.md': '## Why\n',
  '.editorconfig': 'root = true\n',
  '.pre-commit-config.yaml': 'repos: []\n',
  'CHANGELOG.md': '# Changelog\n',
};
const SERVICE = {
  'package.json': '{"dependencies": {"express": "^4.19.2", "pg": "^8.11.0"}, "devDependencies": {"eslint": "^9.1.0"}}',
  'src/app.js': "const express = require('express');\n",
};

describe('soft skills', () => {
  const catalog = builtinCatalog();

  it('come from skills/soft/: seven, in order, with guidance and weak rules only', () => {
    assert.deepStrictEqual(
      catalog.softSkills.map((s) => s.id),
      SOFT_SKILLS,
    );
    assert.strictEqual(catalog.skills.length, 21, 'the technical catalogue keeps its 21 skills');
    for (const s of catalog.softSkills) {
      assert.ok(s.summary && s.howToPractise.length >= 3, `${s.id}: summary and how to practise`);
      assert.ok(s.links.length >= 2 && s.links.every((l) => l.url.startsWith('https://')), `${s.id}: links`);
      assert.ok(!catalog.skills.some((k) => k.id === s.id), `${s.id} is not also a technical skill`);
    }
    const softRules = catalog.rules.filter((r) => SOFT_SKILLS.includes(r.skill));
    assert.ok(softRules.length >= 10, `signal rules: ${softRules.length}`);
    assert.ok(softRules.every((r) => r.strength === 'weak' && !r.practice));
  });

  it('refuse a strong soft-skill rule, in the catalogue and in a user rule file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsm-soft-'));
    cpSync(SKILLS_DIR, dir, { recursive: true });
    const file = path.join(dir, 'soft', 'teamwork.yaml');
    const text = readFileSync(file, 'utf8').replace('strength: weak', 'strength: strong');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('strength: strong')) + 1;
    assert.throws(
      () => loadCatalog(dir),
      (err: unknown) => {
        assert.ok(err instanceof CatalogError);
        assert.match(err.message, new RegExp(`teamwork\\.yaml:${line}: .*strength: must be "weak"`));
        return true;
      },
    );
    const user = path.join(dir, 'mine.yaml');
    const rule = (strength: string) =>
      `rules:\n  - id: teamwork/mob-log\n    technology: Mob log\n    strength: ${strength}\n    file: { paths: [MOB.md] }\n    examples: { positive: [{MOB.md: x}], negative: [{a: b}] }\n`;
    writeFileSync(user, rule('strong'));
    assert.match(loadCatalog(SKILLS_DIR, [user]).problems.join('\n'), /mine\.yaml:2: .*soft skill.*must be weak/);
    writeFileSync(user, rule('weak'));
    const ok = loadCatalog(SKILLS_DIR, [user]);
    assert.deepStrictEqual(ok.problems, []);
    assert.ok(ok.catalog.rules.some((r) => r.id === 'teamwork/mob-log'));
    assert.strictEqual(ok.catalog.softSkills.length, 7);
  });

  it('show workspace signals as weak hints, and never change the 21 skills', async () => {
    const files = { ...SERVICE, ...SIGNALS };
    const withoutSoft = { skills: catalog.skills, softSkills: [], rules: catalog.rules.filter((r) => !SOFT_SKILLS.includes(r.skill)) };
    const plain = await scanMemory(files, withoutSoft);
    const map = await scanMemory(files);
    assert.deepStrictEqual(map.skills, plain.skills);
    const soft = new Map(map.softSkills.map((s) => [s.id, s]));
    assert.deepStrictEqual([...soft.keys()], SOFT_SKILLS);
    assert.deepStrictEqual(soft.get('communication')!.technologies.sort(), ['API description (OpenAPI)', 'Architecture decision records']);
    assert.deepStrictEqual(soft.get('teamwork')!.technologies.sort(), ['Code owners', 'Pull-request template']);
    assert.deepStrictEqual(soft.get('attention-to-detail')!.technologies.sort(), ['EditorConfig', 'Linter', 'Pre-commit hooks']);
    assert.deepStrictEqual(soft.get('prioritisation')!.technologies, ['Changelog']);
    assert.deepStrictEqual(soft.get('logical-thinking')!.signals, []);
    const all = map.softSkills.flatMap((s) => s.signals);
    assert.ok(all.every((e) => e.strength === 'weak'));
    assert.ok(all.some((e) => e.file === 'package.json' && e.rule === 'attention-to-detail/linter-dependency'));
  });

  it('give no signal for files under fixture folders or for prose that only mentions them', async () => {
    const map = await scanMemory({ 'test/fixtures/app/CODEOWNERS': '* @a\n', 'README.md': 'We keep a CHANGELOG and CODEOWNERS.\n' });
    assert.deepStrictEqual(
      map.softSkills.flatMap((s) => s.signals),
      [],
    );
  });

  it('merge across folders with each signal labelled by its folder', async () => {
    const a = await scanMemory({ 'CHANGELOG.md': '# Changes\n' });
    const b = await scanMemory({ 'ROADMAP.md': '# Next\n' });
    const merged = mergeMaps([
      { folder: 'api', map: a },
      { folder: 'web', map: b },
    ]);
    const p = merged.softSkills.find((s) => s.id === 'prioritisation')!;
    assert.deepStrictEqual(
      p.signals.map((e) => `${e.folder}/${e.file}`),
      ['api/CHANGELOG.md', 'web/ROADMAP.md'],
    );
    assert.deepStrictEqual(p.technologies, ['Changelog', 'Roadmap or milestones']);
  });

  it('follow the 21 skills in the terminal table and the Markdown report, worded as hints', async () => {
    const map = await scanMemory({ ...SERVICE, ...SIGNALS });
    const text = formatText(map);
    assert.ok(text.indexOf('Soft skills') > text.indexOf('Advanced:'), 'after the two tiers');
    assert.match(text, /Communication\s+signals: /);
    assert.match(text, /Logical thinking\s+-/);
    const md = toMarkdown(map, catalog);
    assert.match(md, /## Soft skills\n\n_Signals .*hints, not proof\._/);
    assert.match(md, /- \*\*Teamwork\*\*: Code owners \(`\.github\/CODEOWNERS:1`\)/);
    assert.doesNotMatch(md, /\*\*Logical thinking\*\*/);
    assert.match(md, /of 21 skills practised/);
  });
});
