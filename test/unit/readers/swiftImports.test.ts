import * as assert from 'node:assert';
import { IMPORT_READERS } from '../../../src/core/readers/imports';
import type { ImportFact } from '../../../src/core/types';

const lines = (...l: string[]) => l.join('\n') + '\n';

function imports(path: string, text: string): [number, string][] {
  return IMPORT_READERS[0].read(path, text).facts.map((f) => {
    const i = f as ImportFact;
    assert.strictEqual(i.language, 'swift');
    return [i.line, i.module];
  });
}

describe('Swift imports', () => {
  it('reads plain, attributed, scoped and declaration imports; not comments, strings or conditions', () => {
    const text = lines(
      'import Vapor', // 1
      '@testable import App',
      'import struct Foundation.Date',
      '@preconcurrency import NIOCore; import NIOPosix',
      '@_spi(Internal) public import FluentKit', // 5
      'internal import func Darwin.sqrt',
      '// import Commented',
      '/* import Blocked */',
      'let s = "import NotThis"',
      '#if canImport(FoundationNetworking)', // 10
      'import FoundationNetworking',
      '#endif',
      'let doc = """',
      'import InsideString',
      '"""', // 15
      'func f() { let important = 1 }',
      'import Foo.+',
      '  import JWTKit',
    );
    assert.deepStrictEqual(imports('Sources/App/routes.swift', text), [
      [1, 'Vapor'],
      [2, 'App'],
      [3, 'Foundation.Date'],
      [4, 'NIOCore'],
      [4, 'NIOPosix'],
      [5, 'FluentKit'],
      [6, 'Darwin.sqrt'],
      [11, 'FoundationNetworking'],
      [18, 'JWTKit'],
    ]);
  });
});
