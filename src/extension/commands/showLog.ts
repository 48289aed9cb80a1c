import type { CommandDeps } from './deps';

/** Backend Skill Map: Show scan log. */
export function showLog(deps: CommandDeps) {
  return (): void => deps.log.show(true);
}
