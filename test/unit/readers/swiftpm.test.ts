import * as assert from 'node:assert';
import { MANIFEST_READERS } from '../../../src/core/readers/manifests';
import { lastPathPart } from '../../../src/core/readers/swiftpm';
import { isDefaultExcludedDir, userExcluder } from '../../../src/core/workspace/excludes';
import type { DependencyFact, ReadResult } from '../../../src/core/types';

const lines = (...l: string[]) => l.join('\n') + '\n';

function readManifest(path: string, text: string): ReadResult {
  const readers = MANIFEST_READERS.filter((r) => r.matches(path));
  assert.deepStrictEqual(
    readers.map((r) => r.name),
    ['swiftpm'],
  );
  return readers[0].read(path, text);
}

/** `name@line`, with ` (dev)` for a package only test targets use. */
function summary(result: ReadResult): string[] {
  return result.facts.map((f) => {
    const d = f as DependencyFact;
    assert.strictEqual(d.ecosystem, 'swiftpm');
    return `${d.name}@${d.line}${d.dev ? ' (dev)' : ''}`;
  });
}

const VAPOR_PACKAGE = lines(
  '// swift-tools-version:5.9', // 1
  'import PackageDescription',
  '',
  'let package = Package(',
  '    name: "todos",', // 5
  '    platforms: [.macOS(.v13)],',
  '    dependencies: [',
  '        // 💧 A server-side Swift web framework.',
  '        .package(url: "https://github.com/vapor/vapor.git", from: "4.99.0"),',
  '        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.8.0"),', // 10
  '        .package(',
  '            url: "git@github.com:swift-server/RediStack.git",',
  '            branch: "main"',
  '        ),',
  '        // .package(url: "https://github.com/vapor/leaf.git", from: "4.3.0"),', // 15
  '        /* .package(url: "https://github.com/vapor/queues.git", from: "1.0.0"), */',
  '        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing/", exact: "1.17.0"),',
  '        .package(path: "../SharedModels"),',
  '        .package(id: "mona.LinkedList", from: "1.0.0"),',
  '        .package(name: "JWT", url: "https://github.com/vapor/jwt", from: "4.2.0"),', // 20
  '    ],',
  '    targets: [',
  '        .executableTarget(',
  '            name: "App",',
  '            dependencies: [', // 25
  '                .product(name: "Vapor", package: "vapor"),',
  '                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),',
  '                .product(name: "RediStack", package: "RediStack"),',
  '                .product(name: "JWT", package: "JWT"),',
  '                .product(name: "SharedModels", package: "SharedModels"),', // 30
  '            ]',
  '        ),',
  '        .testTarget(name: "AppTests", dependencies: [',
  '            .target(name: "App"),',
  '            .product(name: "XCTVapor", package: "vapor"),', // 35
  '            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),',
  '        ])',
  '    ]',
  ')',
);

describe('Swift Package Manager', () => {
  describe('Package.swift', () => {
    it('reads every .package dependency by its identity, with test-only packages as dev', () => {
      assert.deepStrictEqual(summary(readManifest('Package.swift', VAPOR_PACKAGE)), [
        'vapor@9',
        'fluent-postgres-driver@10',
        'RediStack@11',
        'swift-snapshot-testing@17 (dev)',
        'SharedModels@18',
        'LinkedList@19',
        'jwt@20',
      ]);
      assert.strictEqual(readManifest('Package.swift', VAPOR_PACKAGE).skipped, undefined);
    });

    it('reads version-specific manifests and a nested package, not SwiftPM checkouts', () => {
      assert.deepStrictEqual(summary(readManifest('Package@swift-5.9.swift', VAPOR_PACKAGE)).slice(0, 1), ['vapor@9']);
      assert.deepStrictEqual(summary(readManifest('services/api/Package.swift', VAPOR_PACKAGE)).slice(0, 1), ['vapor@9']);
      const excluded = userExcluder([]);
      for (const p of ['Package.resolved', 'api/Package.resolved']) assert.ok(excluded(p), p);
      for (const dir of ['.build', '.swiftpm']) assert.ok(isDefaultExcludedDir(dir), dir);
      assert.ok(!MANIFEST_READERS.some((r) => r.matches('Package.resolved') || r.matches('Sources/App/Package.swift.orig')));
    });

    it('names a package by the last part of its URL or path, without .git', () => {
      assert.strictEqual(lastPathPart('https://github.com/vapor/vapor.git'), 'vapor');
      assert.strictEqual(lastPathPart('https://github.com/apple/swift-nio'), 'swift-nio');
      assert.strictEqual(lastPathPart('git@github.com:soto-project/soto.git'), 'soto');
      assert.strictEqual(lastPathPart('../Shared/'), 'Shared');
      assert.strictEqual(lastPathPart('file:///Users/me/Valkey.GIT'), 'Valkey');
    });

    it('gives a clear reason for a file that is no manifest, an unclosed call or a computed URL, and keeps the rest', () => {
      const none = readManifest('Package.swift', 'print("hello")\n');
      assert.deepStrictEqual(none.facts, []);
      assert.match(none.skipped ?? '', /no Package\(\.\.\.\) declaration/);

      const computed = readManifest(
        'Package.swift',
        lines(
          'let base = "https://github.com/vapor/"',
          'let package = Package(name: "x", dependencies: [',
          '    .package(url: base + "vapor.git", from: "4.0.0"),',
          '    .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),',
          '])',
        ),
      );
      assert.deepStrictEqual(summary(computed), ['swift-nio@4']);
      assert.match(computed.skipped ?? '', /\.package\( at line 3 names no url, path or registry id as a string literal/);

      const cut = readManifest(
        'Package.swift',
        'let package = Package(name: "x", dependencies: [\n    .package(url: "https://github.com/vapor/vapor.git"',
      );
      assert.deepStrictEqual(cut.facts, []);
      assert.match(cut.skipped ?? '', /unclosed \.package\( at line 2/);
    });

    it('never throws on any cut of a real manifest, and every fact has a line', () => {
      for (let i = 0; i <= VAPOR_PACKAGE.length; i += 3) {
        const r = readManifest('Package.swift', VAPOR_PACKAGE.slice(0, i));
        for (const f of r.facts) assert.ok(f.line >= 1);
        if (r.skipped !== undefined) assert.ok(r.skipped.length > 0);
      }
    });

    it('stays linear on calls repeated without end', function () {
      this.timeout(20000);
      for (const unit of ['.package(', '.product(', '.testTarget(', '.testTarget(.product(name: "a", package: "b"),', '.package(url: "']) {
        const text = 'let package = Package(\n' + unit.repeat(Math.ceil((3 * 1024 * 1024) / unit.length));
        const started = Date.now();
        const r = readManifest('Package.swift', text);
        const ms = Date.now() - started;
        assert.ok(Array.isArray(r.facts));
        assert.ok(ms < 2000, `${unit}: ${ms} ms`);
      }
    });
  });
});
