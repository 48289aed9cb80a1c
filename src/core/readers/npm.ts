/** npm `package.json`: dependencies as declared, with dev and peer dependencies flagged dev. */
import type { Reader } from '../types';
import { Collector, inVendorFolder, makeReader } from './manifest';
import { readJsonSections } from './formats/json';

const SECTIONS: Record<string, boolean> = {
  dependencies: false,
  optionalDependencies: false,
  devDependencies: true,
  // A library's peer dependencies only state what it is compatible with.
  peerDependencies: true,
};

export const npmReader: Reader = makeReader('npm', { named: (b) => b === 'package.json', where: (p) => !inVendorFolder(p) }, (_p, text) => {
  const out = new Collector('npm');
  readJsonSections(text, out, SECTIONS, (name) => name.length > 0);
  return out.result();
});
