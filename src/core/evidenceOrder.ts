/**
 * The order a map lists evidence in: strong first, then by place (folder, file, line); items in the
 * same place keep the order they came in. A skill of a large workspace has tens of thousands of
 * items and shows 500, so these helpers find the first ones without sorting them all.
 */
import type { Evidence } from './types';

export function byStrengthThenPlace(a: Evidence, b: Evidence): number {
  if (a.strength !== b.strength) return a.strength === 'strong' ? -1 : 1;
  if ((a.folder ?? '') !== (b.folder ?? '')) return (a.folder ?? '') < (b.folder ?? '') ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

/**
 * The first `limit` items in map order: what `[...evidence].sort(byStrengthThenPlace).slice(0, limit)`
 * gives. Items later than the last one kept so far are passed over with one comparison; the others
 * wait in a batch that is merged in when it is as long as the list kept.
 */
export function leading(evidence: readonly Evidence[], limit: number): Evidence[] {
  if (evidence.length <= 2 * limit) return [...evidence].sort(byStrengthThenPlace).slice(0, limit);
  let kept = evidence.slice(0, limit).sort(byStrengthThenPlace);
  let batch: Evidence[] = [];
  for (let i = limit; i < evidence.length; i++) {
    const e = evidence[i];
    // A later item in the same place comes after the kept one: ties are passed over too.
    if (byStrengthThenPlace(e, kept[limit - 1]) >= 0) continue;
    batch.push(e);
    if (batch.length === limit) {
      // Every batched item came after every kept one, so a stable sort keeps ties in their order.
      kept = kept.concat(batch).sort(byStrengthThenPlace).slice(0, limit);
      batch = [];
    }
  }
  return batch.length ? kept.concat(batch).sort(byStrengthThenPlace).slice(0, limit) : kept;
}

/** The first item in map order, or undefined when there is none. */
export function earliest(evidence: readonly Evidence[]): Evidence | undefined {
  let first = evidence[0];
  for (let i = 1; i < evidence.length; i++) if (byStrengthThenPlace(evidence[i], first) < 0) first = evidence[i];
  return first;
}

/** The first strong item of a technology in map order, or undefined when it has none. */
export function earliestStrong(evidence: readonly Evidence[], technology: string): Evidence | undefined {
  let first: Evidence | undefined;
  for (const e of evidence) {
    if (e.technology === technology && e.strength === 'strong' && (first === undefined || byStrengthThenPlace(e, first) < 0)) first = e;
  }
  return first;
}
