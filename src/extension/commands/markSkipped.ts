import type { CommandDeps } from './deps';
import { markSkill } from './markSkill';

/** Backend Skill Map: Mark skill as skipped — not wanted; never suggested, shown as "(skipped)". */
export const markSkipped = (deps: CommandDeps) => markSkill(deps, 'skipped');
