import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ECOSYSTEMS } from '../../../src/core';
import { ECOSYSTEM_REGISTRY, LOCK_FILES, MANIFEST_GLOBS, packageNameKey } from '../../../src/core/ecosystems';
import { MANIFEST_READERS } from '../../../src/core/readers/manifests';
import { READERS } from '../../../src/core/readers';
import { isDefaultExcludedDir, userExcluder } from '../../../src/core/workspace/excludes';
import type { DependencyFact } from '../../../src/core/types';
import { builtinCatalog, SKILLS_DIR } from '../helpers';

/** The `dependency.ecosystem` enum of the catalogue's schema. */
function schemaEcosystems(): string[] {
  const schema = JSON.parse(readFileSync(path.join(SKILLS_DIR, 'schema.json'), 'utf8'));
  const found: string[][] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const eco = (o.properties as Record<string, { enum?: string[] }> | undefined)?.ecosystem;
    if (eco?.enum) found.push(eco.enum);
    for (const v of Object.values(o)) walk(v);
  };
  walk(schema);
  assert.strictEqual(found.length, 1, 'one ecosystem enum in the schema');
  return found[0];
}

describe('package ecosystems', () => {
  it('the schema names exactly the registry ecosystems', () => {
    assert.deepStrictEqual([...schemaEcosystems()].sort(), [...ECOSYSTEMS].sort());
  });

  it('lists each ecosystem once, in registry order, each with a reader', () => {
    const ids = ECOSYSTEM_REGISTRY.map((d) => d.id);
    assert.deepStrictEqual([...ECOSYSTEMS], ids);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const d of ECOSYSTEM_REGISTRY) assert.ok(d.readers.length > 0, d.id);
  });

  it("the manifest readers are the descriptors' readers, each in one descriptor, and all are among the readers", () => {
    assert.deepStrictEqual(
      [...MANIFEST_READERS],
      ECOSYSTEM_REGISTRY.flatMap((d) => d.readers),
    );
    const names = MANIFEST_READERS.map((r) => r.name);
    assert.strictEqual(new Set(names).size, names.length);
    for (const r of MANIFEST_READERS) assert.ok(READERS.includes(r), r.name);
  });

  it("a reader's facts carry its descriptor's ecosystem (on every catalogue example)", () => {
    let read = 0;
    for (const rule of builtinCatalog().rules) {
      for (const example of [...rule.examples.positive, ...rule.examples.negative]) {
        for (const [file, text] of Object.entries(example)) {
          for (const d of ECOSYSTEM_REGISTRY) {
            for (const reader of d.readers) {
              if (!reader.matches(file)) continue;
              read++;
              for (const f of reader.read(file, text).facts)
                assert.strictEqual((f as DependencyFact).ecosystem, d.id, `${reader.name} on ${file} (${rule.id})`);
            }
          }
        }
      }
    }
    assert.ok(read > 100, `read ${read} example manifests`);
  });

  it('every lock file is skipped by default and read by no manifest reader', () => {
    const excluded = userExcluder([]);
    assert.ok(LOCK_FILES.length >= 10);
    for (const name of LOCK_FILES) {
      for (const p of [name, `svc/api/${name}`]) {
        assert.ok(excluded(p), `${p} should be excluded`);
        assert.ok(!MANIFEST_READERS.some((r) => r.matches(p)), `${p} should not be read`);
      }
    }
  });

  it("every ecosystem's generated folders are excluded by default", () => {
    const folders = ECOSYSTEM_REGISTRY.flatMap((d) => d.generatedFolders ?? []);
    assert.ok(folders.includes('.build'));
    for (const name of folders) assert.ok(isDefaultExcludedDir(name), name);
  });

  it("names are compared as each ecosystem says: case, and PyPI's spelling", () => {
    for (const d of ECOSYSTEM_REGISTRY) {
      const key = packageNameKey(d.id);
      assert.strictEqual(key('Some.Name') === key('some.name'), !d.caseSensitive, d.id);
    }
    assert.strictEqual(packageNameKey('pypi')('Flask__SQLAlchemy'), 'flask-sqlalchemy');
    assert.strictEqual(packageNameKey('pypi')('zope.interface'), packageNameKey('pypi')('Zope-Interface'));
    assert.strictEqual(packageNameKey('npm')('@NestJS/Core'), '@nestjs/core');
    assert.strictEqual(packageNameKey('maven')('org.Foo:Bar'), 'org.Foo:Bar');
    assert.strictEqual(packageNameKey('go')('github.com/Azure/azure-sdk-for-go'), 'github.com/Azure/azure-sdk-for-go');
    assert.strictEqual(packageNameKey('swiftpm')('RediStack'), packageNameKey('swiftpm')('redistack'));
  });

  it('manifest globs are listed once', () => {
    assert.strictEqual(new Set(MANIFEST_GLOBS).size, MANIFEST_GLOBS.length);
  });
});
