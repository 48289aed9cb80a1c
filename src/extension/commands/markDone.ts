import type { CommandDeps } from './deps';
import { markSkill } from './markSkill';

/** Backend Skill Map: Mark skill as done — learned elsewhere; shown as "(marked done)", counted as practised. */
export const markDone = (deps: CommandDeps) => markSkill(deps, 'done');
