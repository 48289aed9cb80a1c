/**
 * Helm charts' values, for the workloads their templates declare. A template keeps a name, label,
 * image or env value made of chart values in canonical form (`{{.Values.cart.name}}`); here it is
 * filled in from the `values.yaml` of the chart the template lies in, as `helm template` would with
 * no values of the user's. What stays unknown is left out, as a name a template computes always was.
 */
import type { ChartValuesFact, Evidence } from '../types';
import { imageName } from '../readers/docker';
import { resolveValues } from '../readers/formats/goTemplate';
import { hostsIn, imageRepository } from '../readers/workloads';

/** The rule id of a chart's values fact: not `skill/rule`, so no catalogue rule can have it, and evaluate drops it. */
export const CHART_VALUES_FACT = 'unit:helm-values';

export function describeChartValues(f: ChartValuesFact): string {
  return JSON.stringify(f.values);
}

/** The chart folder of a template (`deploy/chart` for `deploy/chart/templates/api.yaml`), or undefined. */
export function chartOf(file: string): string | undefined {
  const at = file.lastIndexOf('templates/');
  if (at < 0 || (at > 0 && file[at - 1] !== '/')) return undefined;
  return at === 0 ? '' : file.slice(0, at - 1);
}

/** The values of each chart, by its folder, from the values facts among the evidence. */
export function chartValues(evidence: readonly Evidence[]): Map<string, Map<string, string>> {
  const byChart = new Map<string, Map<string, string>>();
  for (const e of evidence) {
    if (e.rule !== CHART_VALUES_FACT || !/(^|\/)values\.yaml$/.test(e.file)) continue;
    let pairs: unknown;
    try {
      pairs = JSON.parse(e.technology);
    } catch {
      continue;
    }
    if (!Array.isArray(pairs)) continue;
    const values = new Map<string, string>();
    for (const p of pairs) if (Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string') values.set(p[0], p[1]);
    byChart.set(e.file.slice(0, Math.max(0, e.file.length - 'values.yaml'.length - 1)), values);
  }
  return byChart;
}

/** A template's values filled in: the resolved fields of one workload or Service. */
export interface Resolved {
  name: string;
  labels: string[];
  images: string[];
  calls: [string, number][];
}

/**
 * Fills in a workload's templated fields from its chart's values (`values` undefined: none known).
 * An image's unknown tag or digest is dropped; any other unknown part leaves the field out.
 */
export function resolveWorkload(
  w: Resolved,
  templated: readonly [string, number, boolean][],
  values: ReadonlyMap<string, string> | undefined,
): Resolved {
  const name = resolveValues(w.name, values)?.trim() ?? '';
  const labels: string[] = [];
  for (const l of w.labels) {
    const r = resolveValues(l, values);
    if (r !== undefined) labels.push(r);
  }
  const images: string[] = [];
  for (const i of w.images) {
    const r = i.includes('{{') ? resolveValues(imageRepository(i), values) : i;
    const n = r === undefined ? undefined : i.includes('{{') ? imageName(r) : r;
    if (n && !images.includes(n)) images.push(n);
  }
  const calls = [...w.calls];
  for (const [value, line, bare] of templated) {
    const r = resolveValues(value, values);
    for (const host of r === undefined ? [] : hostsIn(r, bare)) if (!calls.some(([h]) => h === host)) calls.push([host, line]);
  }
  return { name, labels, images, calls };
}
