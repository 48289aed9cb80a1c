/**
 * The three-character windows of texts, for the literal prefilter of content patterns: a literal can
 * occur in a text (exactly or ignoring ASCII case) only if all its windows do. A window is hashed to
 * 15 bits; setting bit 5 folds ASCII upper case onto lower case (and merges some other pairs, which
 * only makes the filter a little less selective, never wrong). The hash rolls:
 * `roll(roll(roll(0, a), b), c)` depends on `a`, `b` and `c` only.
 *
 * A text's windows are stamped in one pass over its UTF-8 bytes. That pass touches every byte of
 * every source file a hundred literals concern, so it runs as a small WebAssembly loop (about half
 * the time of the same loop in JavaScript), with the JavaScript loop kept for hosts without it.
 * Literals are ASCII here: a literal with any other character gets no windows, so it always passes
 * and its `includes` decides (its UTF-8 bytes and its UTF-16 units would hash differently).
 */
import { stampWindowsModule, WINDOW_MASK } from './windowStampModule';

function roll(h: number, c: number): number {
  return ((h << 5) ^ (c | 32)) & WINDOW_MASK;
}

/** Hashes of the case-folded three-character windows of a literal; none for a shorter or non-ASCII one. */
export function literalGrams(literal: string): Uint16Array {
  if (literal.length < 3 || /[^\x00-\x7f]/.test(literal)) return new Uint16Array(0);
  const out = new Uint16Array(literal.length - 2);
  let h = roll(roll(0, literal.charCodeAt(0)), literal.charCodeAt(1));
  for (let i = 2; i < literal.length; i++) {
    h = roll(h, literal.charCodeAt(i));
    out[i - 2] = h;
  }
  return out;
}

/** Where the stamper's text begins in its memory: after the stamps (one 32-bit stamp per window hash). */
const TEXT_AT = (WINDOW_MASK + 1) * 4;
const PAGE = 65536;
/** Room for texts of this many bytes at first; the memory grows for a longer one. */
const FIRST_TEXT_ROOM = 2 * 1024 * 1024;

/** One instance of the stamping loop, with a memory of its own: the stamps, then the text. */
interface Stamper {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  stamp: (from: number, end: number, gen: number, h: number) => void;
}

/** The module, compiled once per process; null where WebAssembly is unavailable. */
let compiled: object | null | undefined;

function stamper(): Stamper | undefined {
  if (!WebAssemblyApi) return undefined;
  try {
    if (compiled === undefined) compiled = new WebAssemblyApi.Module(stampWindowsModule(Math.ceil((TEXT_AT + FIRST_TEXT_ROOM) / PAGE)));
    return compiled ? (new WebAssemblyApi.Instance(compiled).exports as unknown as Stamper) : undefined;
  } catch {
    compiled = null;
    return undefined;
  }
}

/** The part of the WebAssembly API used here (the project's type library does not declare it). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};
const WebAssemblyApi = typeof WebAssembly === 'undefined' ? undefined : WebAssembly;

const encoder = new TextEncoder();

/**
 * The windows of one text at a time, reused from file to file: `load` stamps each window with the
 * text's generation number, and a literal may occur when all its windows carry it.
 */
export class TextGrams {
  private readonly wasm: Stamper | undefined;
  private stamps: Int32Array;
  private text: Uint8Array;
  private gen = 0;

  /** `useWebAssembly: false` runs the JavaScript loop (for hosts without WebAssembly, and to compare the two). */
  constructor(options: { useWebAssembly?: boolean } = {}) {
    this.wasm = options.useWebAssembly === false ? undefined : stamper();
    if (this.wasm) {
      this.stamps = new Int32Array(this.wasm.memory.buffer, 0, WINDOW_MASK + 1);
      this.text = new Uint8Array(this.wasm.memory.buffer, TEXT_AT);
    } else {
      this.stamps = new Int32Array(WINDOW_MASK + 1);
      this.text = new Uint8Array(0);
    }
  }

  load(text: string): void {
    if (++this.gen === 0x7fffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
    if (this.wasm) this.loadBytes(text, this.wasm);
    else this.loadChars(text);
  }

  /** False only when the loaded text certainly does not contain the literal these grams came from. */
  mayContain(grams: Uint16Array): boolean {
    const stamps = this.stamps;
    const gen = this.gen;
    for (let i = 0; i < grams.length; i++) if (stamps[grams[i]] !== gen) return false;
    return true;
  }

  private loadBytes(text: string, wasm: Stamper): void {
    let encoded = encoder.encodeInto(text, this.text);
    if (encoded.read < text.length) {
      // Three bytes per UTF-16 unit at most; the memory only grows.
      const need = TEXT_AT + text.length * 3;
      wasm.memory.grow(Math.ceil((need - wasm.memory.buffer.byteLength) / PAGE));
      encoded = encoder.encodeInto(text, this.views(wasm));
    }
    const written = encoded.written;
    if (written < 3) return;
    const bytes = this.text;
    wasm.stamp(TEXT_AT + 2, TEXT_AT + written, this.gen, ((bytes[0] | 32) << 5) ^ (bytes[1] | 32));
  }

  /** New views after the memory grew (growing detaches the old buffer); returns the text's. */
  private views(wasm: Stamper): Uint8Array {
    this.stamps = new Int32Array(wasm.memory.buffer, 0, WINDOW_MASK + 1);
    return (this.text = new Uint8Array(wasm.memory.buffer, TEXT_AT));
  }

  private loadChars(text: string): void {
    const stamps = this.stamps;
    const gen = this.gen;
    const n = text.length;
    if (n < 3) return;
    let h = ((text.charCodeAt(0) | 32) << 5) ^ (text.charCodeAt(1) | 32);
    for (let i = 2; i < n; i++) {
      h = ((h << 5) ^ (text.charCodeAt(i) | 32)) & WINDOW_MASK;
      stamps[h] = gen;
    }
  }
}
