import type { CommandDeps } from './deps';
import { markSkill } from './markSkill';

/** Backend Skill Map: Clear mark — back to what the workspace shows. */
export const clearMark = (deps: CommandDeps) => markSkill(deps, undefined);
