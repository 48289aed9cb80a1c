import * as path from 'node:path';
import { loadCatalog, MemorySource, Scanner, type Catalog, type SkillMap } from '../../src/core';

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
