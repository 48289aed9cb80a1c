import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskSource, loadCatalog, MemorySource, Scanner, type Catalog, type DiskSourceOptions, type SkillMap } from '../../src/core';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SKILLS_DIR = path.join(REPO, 'skills');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');

let cached: Catalog | undefined;
export function builtinCatalog(): Catalog {
  cached ??= loadCatalog(SKILLS_DIR).catalog;
  return cached;
}

export async function scanMemory(files: Record<string, string>, catalog = builtinCatalog()): Promise<SkillMap> {
  return new Scanner(new MemorySource(files), catalog).scan();
}

export function statusOf(map: SkillMap, skill: string): string {
  const s = map.skills.find((x) => x.id === skill);
  if (!s) throw new Error(`no skill ${skill} in the map`);
  return s.status;
}

/** A workspace on disk, in a new temporary folder: path → content. */
export function diskWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bsm-ws-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

/** Every path a DiskSource lists under a root, sorted. */
export async function listed(root: string, options: DiskSourceOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of new DiskSource(root, options).list()) out.push(...batch.map((e) => e.path));
  return out.sort();
}
