import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_GLOBS } from '../../../src/core/ecosystems';
import { REPO } from '../helpers';

const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('starts on a workspace that holds a package manifest, not on every start-up', () => {
    const events: string[] = manifest.activationEvents;
    for (const glob of MANIFEST_GLOBS) assert.ok(events.includes(`workspaceContains:${glob}`), `no activation on ${glob}`);
    assert.ok(!events.includes('onStartupFinished') && !events.includes('*'));
  });

  it('leaves out the events the editor derives from the contributions (views and commands)', () => {
    const events: string[] = manifest.activationEvents;
    assert.deepStrictEqual(
      events.filter((e) => e.startsWith('onCommand:') || e.startsWith('onView:')),
      [],
    );
  });

  it('names no placeholder address and no category it does not serve (it gives no diagnostics)', () => {
    assert.doesNotMatch(JSON.stringify(manifest), /example\.(invalid|com)/);
    assert.ok(!manifest.categories.includes('Linters'));
  });

  it("packages the README's pictures, under the paths the README names", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split('\n');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(pictures.length >= 1);
    for (const picture of pictures) {
      assert.doesNotMatch(picture, /^[a-z]+:/, `${picture} is a path in the package`);
      assert.ok(existsSync(path.join(REPO, picture)), `${picture} exists`);
      assert.ok(ignore.includes(`!${path.dirname(picture)}/*.png`), `${picture} is packaged`);
    }
  });

  it('packages every file the extension loads from dist/ (the bundle, the compiled catalogue, the quick check thread)', () => {
    const keep = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split('\n');
    const source = readFileSync(path.join(REPO, 'src', 'extension', 'extension.ts'), 'utf8');
    const loaded = [...source.matchAll(/joinPath\(context\.extensionUri, 'dist', '([^']+)'\)/g)].map((m) => `dist/${m[1]}`);
    assert.deepStrictEqual([...new Set(loaded)].sort(), ['dist/catalog.json', 'dist/check-worker.js', 'dist/extension.js']);
    for (const file of loaded) assert.ok(keep.includes(`!${file}`), `${file} is left out of the package`);
    assert.strictEqual(manifest.main, './dist/extension.js');
  });

  it('packages every file the extension loads from media/ (page script and style, tab icons, translations)', () => {
    const keep = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!media/'))
      .map(
        (l) =>
          new RegExp(
            `^${l
              .slice(1)
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')}$`,
          ),
      );
    const files = readdirSync(path.join(REPO, 'media'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) =>
        path
          .relative(REPO, path.join(d.parentPath ?? d.path, d.name))
          .split(path.sep)
          .join('/'),
      );
    for (const file of files)
      assert.ok(
        keep.some((re) => re.test(file)),
        `${file} is left out of the package`,
      );
  });
});
