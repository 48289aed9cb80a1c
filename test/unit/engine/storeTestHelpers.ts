import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ScanStore, SkillMap } from '../../../src/core';

/**
 * The store as if its scan had started a minute later: every folder and file made before then is
 * clearly older than the scan, so that only a stamp that differs can tell a change (not the margin).
 */
export const later = (store: ScanStore): ScanStore => ({ ...store, time: store.time + 60_000 });

/** A map as JSON without its stats, to compare two scans of one tree. */
export const withoutStats = (map: SkillMap): string => JSON.stringify({ ...map, stats: undefined });

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

/** Every file under a folder, a minute old, as a workspace left since yesterday (a folder's change time cannot be set back: see `later`). */
export function ageFiles(root: string): void {
  const t = new Date(Date.now() - 60_000);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), t, t);
}
