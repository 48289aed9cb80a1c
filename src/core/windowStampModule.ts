/**
 * The WebAssembly module behind `TextGrams` (textWindows.ts), written out instruction by instruction
 * so that it needs no toolchain. In the text format it reads:
 *
 *   (module
 *     (memory (export "memory") <pages>)
 *     (func (export "stamp") (param $at i32) (param $end i32) (param $gen i32) (param $h i32)
 *       (block $done (loop $next
 *         (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
 *         ;; h = ((h << 5) ^ (byte | 32)) & WINDOW_MASK; stamps[h] = gen
 *         (local.set $h (i32.and (i32.xor (i32.shl (local.get $h) (i32.const 5))
 *                                         (i32.or (i32.load8_u (local.get $at)) (i32.const 32)))
 *                                (i32.const WINDOW_MASK)))
 *         (i32.store (i32.shl (local.get $h) (i32.const 2)) (local.get $gen))
 *         (local.set $at (i32.add (local.get $at) (i32.const 1)))
 *         (br $next)))))
 *
 * `stamp` rolls the window hash over the bytes from `at` to `end`, starting from `h` (the hash of the
 * two bytes before `at`), and writes `gen` into the 32-bit stamp of each window, at the start of memory.
 */

/** Window hashes have this many bits. */
export const WINDOW_BITS = 15;
export const WINDOW_MASK = (1 << WINDOW_BITS) - 1;

const I32 = 0x7f;
const EMPTY_BLOCK = 0x40;
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load8U: 0x2d,
  i32Store: 0x36,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
};
const [AT, END, GEN, H] = [0, 1, 2, 3];

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n ? byte | 0x80 : byte);
  } while (n);
  return out;
}

/** Signed LEB128 (the immediate of `i32.const`). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function name(s: string): number[] {
  return [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

// prettier-ignore
const stampBody = [
  0x00, // no locals besides the parameters
  op.block, EMPTY_BLOCK,
  op.loop, EMPTY_BLOCK,
  op.localGet, AT, op.localGet, END, op.i32GeU, op.brIf, 1,
  op.localGet, H, op.i32Const, ...sleb(5), op.i32Shl,
  op.localGet, AT, op.i32Load8U, 0, 0, op.i32Const, ...sleb(32), op.i32Or,
  op.i32Xor, op.i32Const, ...sleb(WINDOW_MASK), op.i32And, op.localTee, H,
  op.i32Const, ...sleb(2), op.i32Shl, op.localGet, GEN, op.i32Store, 2, 0,
  op.localGet, AT, op.i32Const, ...sleb(1), op.i32Add, op.localSet, AT,
  op.br, 0,
  op.end,
  op.end,
  op.end,
];

/** The module's bytes, with a memory of `pages` pages of 64 KiB to begin with. */
export function stampWindowsModule(pages: number): Uint8Array {
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 4, I32, I32, I32, I32, 0]), // one type: (i32, i32, i32, i32) -> ()
    ...section(3, [1, 0]), // one function, of that type
    ...section(5, [1, 0x00, ...uleb(pages)]), // one memory, no maximum
    ...section(7, [2, ...name('memory'), 0x02, 0, ...name('stamp'), 0x00, 0]),
    ...section(10, [1, ...uleb(stampBody.length), ...stampBody]),
  ]);
}
