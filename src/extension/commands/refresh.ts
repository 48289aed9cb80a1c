import type { CommandDeps } from './deps';

/**
 * Backend Skill Map: Refresh skill map — a full rescan of every folder. Shown a map remembered from
 * the last session, it checks that map (reading only what changed); otherwise it reads every file.
 */
export function refresh(deps: CommandDeps) {
  return async (): Promise<void> => {
    const remembered = deps.session.remembered !== undefined;
    await deps.session.rescan(remembered ? 'refresh: checking the remembered map' : 'refresh', !remembered);
  };
}
