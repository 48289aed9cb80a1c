import * as assert from 'node:assert';
import { Dismissals, MemorySource, Scanner, formatDismissal, parseDismissal, parseDismissals } from '../../../src/core';
import { builtinCatalog } from '../helpers';
import { parseArgs, UsageError } from '../../../src/cli/args';

const PACKAGE = JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, null, 2);
const COMPOSE = 'services:\n  db:\n    image: postgres:16\n';

async function scan(files: Record<string, string>, dismissed: string[] = []) {
  const scanner = new Scanner(new MemorySource(files), builtinCatalog(), parseDismissals(dismissed));
  return { scanner, map: await scanner.scan() };
}

const evidenceOf = (map: Awaited<ReturnType<typeof scan>>['map'], skill: string) => map.skills.find((s) => s.id === skill)!.evidence;

describe('dismissed evidence ("Not evidence")', () => {
  it('reads "<rule> in <file>" and { rule, file }, and writes the first form back', () => {
    assert.deepStrictEqual(parseDismissal('databases/postgres-npm in package.json'), {
      rule: 'databases/postgres-npm',
      file: 'package.json',
    });
    assert.deepStrictEqual(parseDismissal('a/b in ./src/my file in here.ts'), { rule: 'a/b', file: 'src/my file in here.ts' });
    assert.deepStrictEqual(parseDismissal({ rule: 'a/b', file: 'src\\db.ts' }), { rule: 'a/b', file: 'src/db.ts' });
    assert.strictEqual(formatDismissal({ rule: 'a/b', file: 'src/db.ts' }), 'a/b in src/db.ts');
  });

  it('ignores entries that are not dismissals, and repeats', () => {
    for (const bad of ['', 'a/b', ' in x', 'a/b in ', 'two words in x', 42, null, {}, { rule: 'a' }, { rule: 1, file: 'x' }]) {
      assert.strictEqual(parseDismissal(bad), undefined, JSON.stringify(bad));
    }
    assert.deepStrictEqual(parseDismissals('a in b'), []);
    assert.deepStrictEqual(parseDismissals(['a in b', { rule: 'a', file: 'b' }, 'oops']), [{ rule: 'a', file: 'b' }]);
  });

  it('matches a rule in a file only', () => {
    const d = new Dismissals([{ rule: 'r/1', file: 'a.ts' }]);
    assert.ok(d.has({ rule: 'r/1', file: 'a.ts' }));
    assert.ok(!d.has({ rule: 'r/1', file: 'b.ts' }));
    assert.ok(!d.has({ rule: 'r/2', file: 'a.ts' }));
    const none = new Dismissals();
    const list = [{ rule: 'r/1', file: 'a.ts' }];
    assert.strictEqual(none.filter(list), list, 'nothing dismissed: the same array');
  });

  it('leaves a dismissed rule out of the map for that file only, and the verdict follows', async () => {
    const files = { 'package.json': PACKAGE, 'compose.yaml': COMPOSE };
    const before = evidenceOf((await scan(files)).map, 'databases');
    const inPackage = before.find((e) => e.file === 'package.json');
    assert.ok(inPackage, 'package.json proves databases');
    const { map } = await scan(files, [formatDismissal(inPackage)]);
    const after = evidenceOf(map, 'databases');
    assert.ok(!after.some((e) => e.file === 'package.json' && e.rule === inPackage.rule), 'the dismissed row is gone');
    assert.ok(
      after.some((e) => e.file !== 'package.json'),
      'other files keep their evidence',
    );
    const all = before.filter((e) => !(e.file === 'package.json' && e.rule === inPackage.rule));
    assert.strictEqual(after.length, all.length, 'only that row is gone');
  });

  it('turns a skill missing when all its evidence is dismissed, and the hover text follows', async () => {
    const files = { 'package.json': PACKAGE };
    const { map: before } = await scan(files);
    const db = before.skills.find((s) => s.id === 'databases')!;
    assert.strictEqual(db.status, 'practised');
    const { map, scanner } = await scan(
      files,
      db.evidence.map((e) => formatDismissal(e)),
    );
    assert.strictEqual(map.skills.find((s) => s.id === 'databases')!.status, 'missing');
    assert.ok(!scanner.evidenceInText('package.json', PACKAGE).some((e) => db.evidence.some((x) => x.rule === e.rule)));
  });
});

describe('the command line’s --dismiss RULE@FILE', () => {
  it('reads one or more, and refuses a value that is not RULE@FILE', () => {
    const args = parseArgs(['scan', '.', '--dismiss', 'databases/postgres-npm@package.json', '--dismiss=a/b@./src\\x.ts']);
    assert.deepStrictEqual(args.dismissed, [
      { rule: 'databases/postgres-npm', file: 'package.json' },
      { rule: 'a/b', file: 'src/x.ts' },
    ]);
    for (const bad of ['a/b', '@x', 'a/b@', 'a b@x']) assert.throws(() => parseArgs(['scan', '--dismiss', bad]), UsageError, bad);
  });
});
