import type { CommandDeps } from './deps';

/** Backend Skill Map: Refresh skill map — a full rescan of every folder. */
export function refresh(deps: CommandDeps) {
  return async (): Promise<void> => {
    await deps.session.rescan('refresh');
  };
}
