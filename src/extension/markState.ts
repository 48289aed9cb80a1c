/** The stored form of the manual marks, checked: whatever the editor's state holds, the view gets a clean record. */

export type Mark = 'done' | 'skipped';

/** Where the marks are kept: a key of the global state, synced with the editor's Settings Sync. */
export const MARKS_KEY = 'backendSkillMap.marks';

interface CheckedMarks {
  marks: Record<string, Mark>;
  /** Set when the stored value was not a clean record of marks: what was wrong, for the log and a message. */
  problem?: string;
}

const SKILL_ID = /^[a-z0-9-]{1,64}$/;

export function checkStoredMarks(raw: unknown): CheckedMarks {
  if (raw === undefined) return { marks: {} };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { marks: {}, problem: `the stored marks were not a record (${Array.isArray(raw) ? 'an array' : typeof raw}); they were reset` };
  }
  const marks: Record<string, Mark> = {};
  const dropped: string[] = [];
  for (const [id, m] of Object.entries(raw as Record<string, unknown>)) {
    if (SKILL_ID.test(id) && (m === 'done' || m === 'skipped')) marks[id] = m;
    else dropped.push(id.slice(0, 40));
  }
  if (!dropped.length) return { marks };
  return { marks, problem: `${dropped.length} stored mark(s) could not be read and were dropped (${dropped.slice(0, 3).join(', ')})` };
}
