/** Composer `composer.json`: `require` and `require-dev`, without platform packages (php, ext-*, lib-*). */
import type { Reader } from '../types';
import { Collector, inVendorFolder, makeReader } from './manifest';
import { readJsonSections } from './formats/json';

const SECTIONS: Record<string, boolean> = { require: false, 'require-dev': true };

/** Real Composer packages are always `vendor/name`; names without a slash are the platform (php, ext-json, composer-plugin-api). */
const isPackage = (name: string) => /^[^/\s]+\/[^/\s]+$/.test(name);

export const composerReader: Reader = makeReader(
  'composer',
  { named: (b) => b === 'composer.json', where: (p) => !inVendorFolder(p) && !/(^|\/)vendor\//.test(p) },
  (_p, text) => {
    const out = new Collector('composer');
    readJsonSections(text, out, SECTIONS, isPackage);
    return out.result();
  },
);
