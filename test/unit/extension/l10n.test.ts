import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatMessage } from '../../../src/core';
import { REASON_TEMPLATES } from '../../../src/core/reasons';
import { guidanceSections } from '../../../src/extension/guidance/render';
import { accessibleLabel } from '../../../src/extension/tree/accessibility';
import { buildTree, findNode, type L10n } from '../../../src/extension/tree/model';
import { sampleCatalog, sampleMap } from './sample';

const root = path.resolve(__dirname, '../../../..');
const readJson = (rel: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

/** A translator over a bundle, as the editor's `vscode.l10n.t` is. */
function translator(bundle: Record<string, string>): L10n {
  return { t: (message: string, ...args: unknown[]) => formatMessage(bundle[message] ?? message, args.map(String)) } as L10n;
}

describe('translations', () => {
  const nls = readJson('package.nls.json');
  const nlsDe = readJson('package.nls.de.json');
  const bundle = readJson('media/l10n/bundle.l10n.json');
  const bundleDe = readJson('media/l10n/bundle.l10n.de.json');

  it('names in package.json only keys that package.nls.json defines', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 30);
    assert.deepStrictEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
  });

  it('translates every manifest string into German, with the same links', () => {
    assert.deepStrictEqual(Object.keys(nlsDe).sort(), Object.keys(nls).sort());
    for (const [key, english] of Object.entries(nls)) {
      const links = (s: string) => [...s.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
      assert.deepStrictEqual(links(nlsDe[key]), links(english), key);
    }
  });

  it('translates every string of the bundle and every reason, keeping the placeholders', () => {
    for (const english of [...Object.keys(bundle), ...Object.values(REASON_TEMPLATES)]) {
      assert.ok(english in bundleDe, `no German for ${JSON.stringify(english)}`);
      assert.deepStrictEqual(placeholders(bundleDe[english]), placeholders(english), english);
    }
  });

  it('builds the tree and its accessible names in the translator given', () => {
    const l10n = translator(bundleDe);
    const roots = buildTree({
      map: sampleMap(),
      catalog: sampleCatalog(),
      marks: new Map(),
      filter: 'all',
      tiers: ['core', 'advanced'],
      multiRoot: false,
      l10n,
    });
    assert.deepStrictEqual(
      roots.map((r) => [r.label, r.description]),
      [
        ['Grundlagen', '1 von 2 geübt'],
        ['Fortgeschritten', '1 von 1 geübt'],
      ],
    );
    const testing = findNode(roots, 'skill:testing')!;
    assert.strictEqual(testing.description, 'noch nicht gezeigt');
    assert.ok(testing.children.some((c) => c.label === 'Wie man es lernt'));
    const db = findNode(roots, 'skill:databases')!;
    assert.match(accessibleLabel(db, l10n)!, /, geübt, PostgreSQL/);
    assert.match(db.tooltip!, /Geübt: PostgreSQL in /);
  });

  it('writes the guidance page’s own words in the translator given', () => {
    const catalog = sampleCatalog();
    const skill = catalog.skills.find((s) => s.id === 'testing')!;
    const html = guidanceSections({ skill, l10n: translator(bundleDe) })
      .map((s) => s.html)
      .join('\n');
    assert.match(html, /<h2>Wie man es lernt<\/h2>/);
    assert.match(html, /In diesem Arbeitsbereich noch nicht gezeigt/);
    assert.match(html, /Als erledigt markieren/);
  });
});
