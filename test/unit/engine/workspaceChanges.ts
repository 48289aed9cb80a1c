import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Turns the folder `api/deep` into a file of that name, and `package.json` into a folder holding a
 * Python worker: the two replacements a remembered listing must follow.
 */
export function replaceFolderAndFile(root: string): void {
  rmSync(path.join(root, 'api/deep'), { recursive: true });
  writeFileSync(path.join(root, 'api/deep'), 'a file now\n');
  rmSync(path.join(root, 'package.json'));
  mkdirSync(path.join(root, 'package.json'));
  writeFileSync(path.join(root, 'package.json/worker.py'), 'import redis\n');
}
