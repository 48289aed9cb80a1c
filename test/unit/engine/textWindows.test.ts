import * as assert from 'node:assert';
import fc from 'fast-check';
import { literalGrams, TextGrams } from '../../../src/core/textWindows';
import { stampWindowsModule } from '../../../src/core/windowStampModule';

function flipCase(s: string, mask: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += (mask >> (i % 31)) & 1 ? s[i].toUpperCase() : s[i].toLowerCase();
  return out;
}

const asciiLiteral = fc.string({ minLength: 3, maxLength: 12 });
/** Text around a literal: ASCII, or any UTF-16 (two-byte strings, surrogates, unpaired halves). */
const around = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30, unit: 'binary' }));

for (const useWebAssembly of [true, false]) {
  describe(`text windows (${useWebAssembly ? 'WebAssembly' : 'JavaScript'} loop)`, () => {
    it('a text holding a literal (in any ASCII case) always passes the window test', () => {
      const grams = new TextGrams({ useWebAssembly });
      fc.assert(
        fc.property(around, asciiLiteral, around, fc.integer(), (a, lit, b, mask) => {
          grams.load(a + flipCase(lit, mask) + b);
          assert.ok(grams.mayContain(literalGrams(lit)));
          assert.ok(grams.mayContain(literalGrams(lit.toLowerCase())));
          grams.load(a + lit + b);
          assert.ok(grams.mayContain(literalGrams(lit)));
        }),
        { numRuns: 3000 },
      );
    });

    it('rules out literals whose windows are absent, and forgets the previous text', () => {
      const grams = new TextGrams({ useWebAssembly });
      grams.load('import express from "express";');
      assert.ok(grams.mayContain(literalGrams('express')));
      assert.ok(!grams.mayContain(literalGrams('@KafkaListener')));
      grams.load('@KafkaListener(topics = "orders")');
      assert.ok(grams.mayContain(literalGrams('@kafkalistener')));
      assert.ok(!grams.mayContain(literalGrams('express')));
      grams.load('ab');
      assert.ok(!grams.mayContain(literalGrams('abc')));
    });

    it('finds a literal at the end of a text longer than its first room (two-byte text, 3 MB)', () => {
      const grams = new TextGrams({ useWebAssembly });
      const long = 'é€'.repeat(1_500_000) + ' new KafkaProducer(';
      grams.load(long);
      assert.ok(grams.mayContain(literalGrams('KafkaProducer(')));
      assert.ok(!grams.mayContain(literalGrams('KafkaConsumer(')));
      grams.load('short');
      assert.ok(!grams.mayContain(literalGrams('KafkaProducer(')));
      assert.ok(grams.mayContain(literalGrams('short')));
    });
  });
}

describe('text windows: the two loops agree', () => {
  it('on ASCII text, both rule out exactly the same literals', () => {
    const wasm = new TextGrams({ useWebAssembly: true });
    const js = new TextGrams({ useWebAssembly: false });
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(asciiLiteral, { maxLength: 20 }), (text, literals) => {
        wasm.load(text);
        js.load(text);
        for (const lit of [...literals, text.slice(0, 5), text.slice(-4)])
          assert.strictEqual(wasm.mayContain(literalGrams(lit)), js.mayContain(literalGrams(lit)), lit);
      }),
      { numRuns: 2000 },
    );
  });

  it('a literal that is not ASCII, or shorter than three characters, has no windows and always passes', () => {
    assert.strictEqual(literalGrams('café').length, 0);
    assert.strictEqual(literalGrams('ab').length, 0);
    assert.strictEqual(literalGrams('abcd').length, 2);
    const grams = new TextGrams();
    grams.load('nothing to see');
    assert.ok(grams.mayContain(literalGrams('café')));
  });

  it('the module is valid WebAssembly and the loop is the one in use here', () => {
    const bytes = stampWindowsModule(1);
    assert.ok((globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly.validate(bytes));
    assert.ok((new TextGrams() as unknown as { wasm?: object }).wasm, 'Node runs the WebAssembly loop');
  });
});
