/**
 * Kubernetes workloads as deployable units, and who talks to whom through their Services.
 *
 * A workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Argo Rollout, Knative Service) is a
 * unit when it runs an image that is the project's own:
 * - an image no catalogue rule names as a product (`postgres`, `bitnami/redis`, `acme/postgres` by
 *   its last segment) and
 * - built from a Dockerfile in the repository (its last segment names a folder on the path of a
 *   Dockerfile, or the Dockerfile's own suffix: `frontend` for `src/frontend/Dockerfile`), or under a
 *   registry namespace that at least two distinct such images share (`acme/orders`, `acme/carts`),
 *   where no catalogue rule names an image and that is not a known vendor's (`prom`, `grafana`...).
 * One image is one unit, however many workloads run it (a web and a worker of the same image, the
 * same service in plain manifests, Kustomize and a release bundle). An image built from a Dockerfile
 * folder is that folder's unit, so the folder's code and its workloads' calls are one unit's facts.
 *
 * Units talk to each other when a workload's env values, args or command name another unit's
 * Service (`http://carts:80`, `orders.shop.svc`, `payment:8080`, or a bare name in a `*_HOST`
 * variable): the Service of that name selects the other unit's pods, or a workload has that name.
 * Both ends get the fact (`talksToUnit` selectors), at the line that names the host. A host whose
 * workload runs a known product gives the caller the evidence of that product's image rule at the
 * same line (a unit that names its RabbitMQ's Service talks through a broker).
 *
 * The facts come from the Kubernetes reader as evidence of no catalogue rule (`WORKLOAD_FACT`), so
 * that the scan store keeps them with the rest of a file's evidence and combining reads no file.
 */
import type { Evidence, Rule, WorkloadFact } from '../types';
import { NameIndex } from '../match/names';
import { outsideUnits, unitSignal, type UnitIndex } from './units';
import { chartOf, chartValues, resolveWorkload } from './chartValues';

/** The rule id of a workload or Service fact: not `skill/rule`, so no catalogue rule can have it, and evaluate drops it. */
export const WORKLOAD_FACT = 'unit:kubernetes';
/** The rule id of a "talks to another unit" fact, seen only by combining selectors. */
export const UNIT_TALKS = 'unit:talks';
/** The key of a unit made of workloads only (no Dockerfile folder): never a folder path. */
const IMAGE_UNIT = '\0';

/** Registry namespaces of third-party products that no skill names, since running them proves no skill. */
const VENDOR_NAMESPACES = new Set([
  'prom',
  'prometheus',
  'prometheus-operator',
  'grafana',
  'jaegertracing',
  'openzipkin',
  'otel',
  'open-telemetry',
  'kube-state-metrics',
  'bitnami',
  'library',
  'curlimages',
  'google-containers',
  'kubernetes-sigs',
  'ingress-nginx',
  'jetstack',
  'istio',
  'linkerd',
  'fluxcd',
  'argoproj',
  'minio',
  'strimzi',
  'kubernetesui',
  'velero',
  'rancher',
  'longhornio',
  'calico',
  'cilium',
]);

export function describeWorkload(f: WorkloadFact): string {
  return JSON.stringify({
    k: f.kind,
    n: f.name,
    i: f.images,
    l: f.labels,
    c: f.calls,
    ...(f.service && { s: 1 }),
    ...(f.templated && { t: f.templated }),
  });
}

interface Workload {
  file: string;
  line: number;
  service: boolean;
  workload: boolean;
  name: string;
  images: string[];
  labels: string[];
  calls: [string, number][];
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A workload fact back from its evidence, with a Helm template's chart values filled in. */
function parse(e: Evidence, charts: ReadonlyMap<string, ReadonlyMap<string, string>>): Workload | undefined {
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(e.technology) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!d || typeof d.k !== 'string' || typeof d.n !== 'string' || !strings(d.i) || !strings(d.l) || !Array.isArray(d.c)) return undefined;
  const calls = (d.c as unknown[]).filter(
    (c): c is [string, number] => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'number',
  );
  const templated = (Array.isArray(d.t) ? (d.t as unknown[]) : []).filter(
    (c): c is [string, number, boolean] =>
      Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'number' && typeof c[2] === 'boolean',
  );
  let fields = { name: d.n, labels: d.l, images: d.i, calls };
  if (templated.length || [d.n, ...d.i, ...d.l].some((x) => x.includes('{{'))) {
    const chart = chartOf(e.file);
    fields = resolveWorkload(fields, templated, chart === undefined ? undefined : charts.get(chart));
  }
  const isService = d.k === 'Service';
  return { file: e.file, line: e.line, service: isService, workload: !isService || d.s === 1, ...fields };
}

const lastSegment = (image: string) => image.slice(image.lastIndexOf('/') + 1);
const namespaceOf = (image: string) => (image.includes('/') ? image.slice(0, image.lastIndexOf('/')) : '');

/** The images the catalogue names, and the namespaces it names them under. */
export class KnownImages {
  private readonly index = new NameIndex();
  private readonly namespaces = new Set<string>();

  constructor(rules: readonly Rule[]) {
    for (const r of rules) {
      for (const n of r.image?.names ?? []) {
        this.index.add(n.toLowerCase(), r, false);
        const ns = namespaceOf(n.toLowerCase());
        if (ns && !ns.includes('*')) this.namespaces.add(ns);
      }
    }
  }

  /** The rules that name an image, by its full name or its last segment. */
  rulesOf(image: string): Rule[] {
    const found: Rule[] = [];
    this.index.lookup(image, found);
    if (!found.length && image.includes('/')) this.index.lookup(lastSegment(image), found);
    return found;
  }

  vendor(namespace: string): boolean {
    return this.namespaces.has(namespace) || VENDOR_NAMESPACES.has(namespace.slice(namespace.lastIndexOf('/') + 1));
  }
}

/** Dockerfile folders by each name an image built from them may carry: the folders on their path, the Dockerfile's suffix. */
function dockerfileNames(units: UnitIndex): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [folder, file] of units.unitRoots()) {
    if (unitSignal(file) !== 'container') continue;
    const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
    const suffix = base.replace(/^(?:dockerfile|containerfile)\.?|\.?(?:dockerfile|containerfile)$/g, '');
    for (const name of [...(suffix ? [suffix] : []), ...folder.toLowerCase().split('/').reverse()])
      if (name && !byName.has(name)) byName.set(name, folder);
  }
  return byName;
}

/** What combining adds per unit: its facts, and for a unit of workloads only, the item that opens it. */
export interface WorkloadUnits {
  facts: Map<string, Evidence[]>;
  openings: Map<string, Evidence>;
}

/** Which unit each workload's own image makes (undefined for third-party images). */
function unitKeys(workloads: readonly Workload[], known: KnownImages, units: UnitIndex): Map<Workload, string> {
  const built = dockerfileNames(units);
  const candidates = new Set<string>();
  for (const w of workloads) for (const i of w.images) if (!known.rulesOf(i).length) candidates.add(i);
  const perNamespace = new Map<string, number>();
  for (const i of candidates) perNamespace.set(namespaceOf(i), (perNamespace.get(namespaceOf(i)) ?? 0) + 1);
  const keys = new Map<Workload, string>();
  for (const w of workloads) {
    for (const i of w.images) {
      if (!candidates.has(i)) continue;
      const folder = built.get(lastSegment(i));
      const ns = namespaceOf(i);
      if (folder !== undefined) keys.set(w, folder);
      else if (ns && (perNamespace.get(ns) ?? 0) >= 2 && !known.vendor(ns)) keys.set(w, IMAGE_UNIT + lastSegment(i));
      else continue;
      break;
    }
  }
  return keys;
}

/** The workloads a host reaches: those of that name, and those whose pods a Service of that name selects. Each host is resolved once. */
function reacher(workloads: readonly Workload[], services: readonly Workload[]): (host: string) => Set<Workload> {
  const byName = new Map<string, Workload[]>();
  for (const w of [...workloads, ...services]) byName.set(w.name, [...(byName.get(w.name) ?? []), w]);
  const byLabel = new Map<string, Workload[]>();
  for (const w of workloads) for (const l of w.labels) byLabel.set(l, [...(byLabel.get(l) ?? []), w]);
  const memo = new Map<string, Set<Workload>>();
  return (host) => {
    let out = memo.get(host);
    if (out) return out;
    out = new Set<Workload>();
    for (const named of byName.get(host) ?? []) {
      if (named.workload) out.add(named);
      if (!named.service || !named.labels.length || named.workload) continue;
      for (const w of byLabel.get(named.labels[0]) ?? []) if (named.labels.every((l) => w.labels.includes(l))) out.add(w);
    }
    memo.set(host, out);
    return out;
  };
}

/** A display name for a unit of workloads: their name when they share one, else the image's. */
function unitName(key: string, members: readonly Workload[]): string {
  const names = new Set(members.map((w) => w.name).filter((n) => n));
  return names.size === 1 ? [...names][0] : key.slice(IMAGE_UNIT.length);
}

/** Units of workloads, and the facts of who talks to whom, from the workload facts among the evidence. */
export function workloadUnits(evidence: readonly Evidence[], units: UnitIndex, known: KnownImages): WorkloadUnits | undefined {
  const all: Workload[] = [];
  let charts: Map<string, Map<string, string>> | undefined;
  for (const e of evidence) {
    if (e.rule !== WORKLOAD_FACT || outsideUnits(e.file)) continue;
    const w = parse(e, (charts ??= chartValues(evidence)));
    if (w && (w.name || w.images.length)) all.push(w);
  }
  if (!all.length) return undefined;
  const workloads = all.filter((w) => w.workload);
  const services = all.filter((w) => w.service);
  const keys = unitKeys(workloads, known, units);
  if (!keys.size) return undefined;
  const reached = reacher(workloads, services);
  const facts = new Map<string, Evidence[]>();
  const add = (key: string, e: Evidence) => {
    const list = facts.get(key);
    if (list) list.push(e);
    else facts.set(key, [e]);
  };
  for (const [w, key] of keys) {
    if (!facts.has(key)) facts.set(key, []);
    for (const [host, line] of w.calls) {
      for (const target of reached(host)) {
        const other = keys.get(target);
        const talk: Evidence = { file: w.file, line, technology: '', rule: UNIT_TALKS, strength: 'strong' };
        if (other !== undefined && other !== key) {
          add(key, talk);
          add(other, talk);
        } else if (other === undefined) {
          for (const image of target.images)
            for (const r of known.rulesOf(image))
              add(key, { file: w.file, line, technology: r.technology, rule: r.id, strength: r.strength });
        }
      }
    }
  }
  const membersOf = new Map<string, Workload[]>();
  for (const [w, key] of keys) if (key.startsWith(IMAGE_UNIT)) membersOf.set(key, [...(membersOf.get(key) ?? []), w]);
  const openings = new Map<string, Evidence>();
  for (const [key, members] of membersOf) {
    members.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));
    const first = members[0];
    openings.set(key, { file: first.file, line: first.line, technology: '', rule: '', strength: 'strong', via: unitName(key, members) });
  }
  return { facts, openings };
}
