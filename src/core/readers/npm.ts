/** npm `package.json`: dependencies as declared, with dev and peer dependencies flagged dev. */
import type { Reader } from '../types';
import { Collector, baseOf, inVendorFolder, makeReader, readJsonSections } from './manifestUtil';

const SECTIONS: Record<string, boolean> = {
  dependencies: false,
  optionalDependencies: false,
  devDependencies: true,
  // A library's peer dependencies only state what it is compatible with.
  peerDependencies: true,
};

export const npmReader: Reader = makeReader(
  'npm',
  (p) => baseOf(p) === 'package.json' && !inVendorFolder(p),
  (_p, text) => {
    const out = new Collector('npm');
    readJsonSections(text, out, SECTIONS, (name) => name.length > 0);
    return out.result();
  },
);
