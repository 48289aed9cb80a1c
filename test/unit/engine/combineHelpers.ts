// Small builders the combining-rule tests share.
import { UnitIndex } from '../../../src/core/combine/units';
import type { Rule } from '../../../src/core';

/** The deployable units of a workspace made of these paths. */
export function units(paths: string[]): UnitIndex {
  const index = new UnitIndex();
  for (const p of paths) index.add(p);
  return index;
}

/** A strong rule of the skill its id names, with no examples. */
export function rule(id: string, over: Partial<Rule> = {}): Rule {
  return {
    id,
    skill: id.split('/')[0],
    technology: id,
    strength: 'strong',
    examples: { positive: [], negative: [] },
    source: { file: 'x.yaml', line: 1 },
    ...over,
  };
}
