import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiskSource, Scanner } from '../../src/core';
import { builtinCatalog, FIXTURES } from './helpers';

interface Expected {
  description?: string;
  skills: Record<string, 'practised' | 'started' | 'missing'>;
  evidence?: { skill: string; technology: string; file: string }[];
}

const fixtures = existsSync(FIXTURES)
  ? readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => f.replace(/\.expected\.json$/, ''))
  : [];

describe('fixture workspaces: verdict per skill', () => {
  it('has fixture workspaces to check', () => assert.ok(fixtures.length >= 1));
  for (const name of fixtures) {
    describe(name, () => {
      const expected: Expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8'));
      let map: Awaited<ReturnType<Scanner['scan']>>;
      before(async () => {
        map = await new Scanner(new DiskSource(path.join(FIXTURES, name)), builtinCatalog()).scan();
      });
      for (const [skill, status] of Object.entries(expected.skills)) {
        it(`${skill} is ${status}`, () => {
          const got = map.skills.find((s) => s.id === skill);
          assert.ok(got, `unknown skill ${skill}`);
          const ev = got.evidence.slice(0, 4).map((e) => `${e.file}:${e.line} ${e.technology} (${e.rule}, ${e.strength})`);
          assert.strictEqual(
            got.status,
            status,
            `${name}: ${skill} expected ${status}, got ${got.status}${ev.length ? '\n  ' + ev.join('\n  ') : ''}`,
          );
        });
      }
      for (const e of expected.evidence ?? []) {
        it(`shows ${e.technology} for ${e.skill} in ${e.file}`, () => {
          const got = map.skills.find((s) => s.id === e.skill)!;
          assert.ok(
            got.evidence.some((x) => x.technology === e.technology && x.file === e.file && x.line >= 1),
            `${name}: no ${e.technology} evidence in ${e.file}; have: ${got.evidence.map((x) => `${x.technology}@${x.file}`).join(', ')}`,
          );
        });
      }
    });
  }
});
