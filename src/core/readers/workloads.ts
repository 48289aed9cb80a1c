/**
 * Kubernetes workloads and Services as facts for deployable units (combine/workloads.ts): a
 * workload's name, its containers' images, its pod labels, and the hosts its env values, args and
 * command name (`http://carts:80`, `orders.shop.svc`, `payment:8080`); a Service's name and selector.
 */
import type { Node } from 'yaml';
import type { WorkloadFact } from '../types';
import { imageName } from './docker';
import { onlyValues } from './formats/goTemplate';
import type { YamlFile } from './yamlDocs';

/** A masked Helm template's strings back in canonical template form (identity for plain YAML). */
type Unmask = (s: string) => string;
const same: Unmask = (s) => s;

/** Reads scalars of one file, unmasked. */
interface Scalars {
  file: YamlFile;
  str(node: unknown): string | undefined;
}

/** A value a template computes from chart values only is kept for combining to resolve; any other templated value is dropped. */
const kept = (v: string | undefined): string | undefined => (v === undefined || !v.includes('{{') || onlyValues(v) ? v : undefined);

/** Kinds that run pods, by the API group they must come from, and where their pod template is. */
const WORKLOADS: Record<string, { groups: RegExp; template: string[] }> = {
  Deployment: { groups: /^(?:apps|extensions)\//, template: ['spec', 'template'] },
  StatefulSet: { groups: /^apps\//, template: ['spec', 'template'] },
  DaemonSet: { groups: /^(?:apps|extensions)\//, template: ['spec', 'template'] },
  Job: { groups: /^batch\//, template: ['spec', 'template'] },
  CronJob: { groups: /^batch\//, template: ['spec', 'jobTemplate', 'spec', 'template'] },
  Rollout: { groups: /^argoproj\.io\//, template: ['spec', 'template'] },
};
const KNATIVE = /^serving\.knative\.dev\//;

/** A DNS label as Kubernetes names Services. */
const LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
/** Env variables whose value is a host even without a scheme or a port: `CATALOGUE_HOST=catalogue`. */
const HOST_VARIABLE = /(?:HOST|HOSTNAME|HOSTS|ADDR|ADDRESS|URL|URI|ENDPOINT|SERVER|SERVERS|SERVICE)$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i;
const HOST_PORT = /^([a-z0-9.-]+):\d{1,5}(?:$|\/)/i;
const NOT_HOSTS = new Set(['localhost', 'host', 'example', 'true', 'false', 'null']);

/** The Service a host names: `carts`, `carts.shop`, `carts.shop.svc`, `carts.shop.svc.cluster.local`; never an outside domain. */
function serviceOf(host: string): string | undefined {
  const parts = host.toLowerCase().split('.');
  if (parts.length > 1 && !(parts.length >= 3 && parts[2] === 'svc')) return undefined;
  const name = parts[0];
  return LABEL.test(name) && !/^\d+$/.test(name) && !NOT_HOSTS.has(name) ? name : undefined;
}

/** The Services a string names as hosts. `bare`: a lone word counts too (the value of a host variable). */
export function hostsIn(value: string, bare: boolean): string[] {
  if (value.length > 2048 || value.includes('{{')) return [];
  const out: string[] = [];
  for (const raw of value.split(/[\s,;"'()[\]=]+/)) {
    if (!raw) continue;
    // `jdbc:postgresql://db:5432/x`, `amqp://user:pw@rabbit:5672`
    const token = raw.replace(/^[a-z]+:(?=[a-z][a-z0-9+.-]*:\/\/)/i, '');
    const host = SCHEME.exec(token)?.[1] ?? HOST_PORT.exec(token)?.[1] ?? (/\.svc(?:\.|$)/.test(token) || bare ? token : undefined);
    const name = host === undefined ? undefined : serviceOf(host);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** `key=value` for each scalar of a mapping. */
function labelsOf(s: Scalars, node: Node | null): string[] {
  const out: string[] = [];
  for (const e of s.file.entries(node)) {
    const v = kept(s.str(e.value));
    const key = s.str(e.keyNode);
    if (v !== undefined && key !== undefined && !key.includes('{{')) out.push(`${key}=${v}`);
  }
  return out;
}

function addCalls(fact: WorkloadFact, value: string | undefined, line: number, bare: boolean): void {
  if (value === undefined) return;
  if (value.includes('{{')) {
    if (value.length <= 2048 && onlyValues(value)) (fact.templated ??= []).push([value, line, bare]);
    return;
  }
  for (const host of hostsIn(value, bare)) if (!fact.calls.some(([h]) => h === host)) fact.calls.push([host, line]);
}

/** An image reference as the fact keeps it: its name, or a template of chart values for combining to resolve. */
function imageOf(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (!ref.includes('{{')) return imageName(ref);
  const trimmed = ref.trim();
  return trimmed.length <= 1024 && onlyValues(imageRepository(trimmed)) ? trimmed : undefined;
}

/** An image reference without its tag or digest, which say nothing of whose image it is. */
export function imageRepository(ref: string): string {
  const at = ref.indexOf('@');
  const s = at < 0 ? ref : ref.slice(0, at);
  const slash = s.lastIndexOf('/');
  const colon = s.indexOf(':', slash + 1);
  // A registry's port (`host:5000/x`) comes before a slash; a colon after the last one starts the tag.
  return colon < 0 ? s : s.slice(0, colon);
}

/** Images, and the hosts named by env values, args and command, of a pod spec's containers. */
function containerFacts(s: Scalars, podSpec: Node | null, fact: WorkloadFact): void {
  const file = s.file;
  for (const c of file.items(file.at(podSpec, 'containers'))) {
    const image = file.get(c, 'image');
    const name = imageOf(image && s.str(image.value));
    if (name && !fact.images.includes(name)) fact.images.push(name);
    for (const env of file.items(file.at(c, 'env'))) {
      const value = file.get(env, 'value');
      const variable = s.str(file.at(env, 'name')) ?? '';
      if (value) addCalls(fact, s.str(value.value), value.line, HOST_VARIABLE.test(variable));
    }
    for (const key of ['args', 'command']) {
      const list = file.get(c, key);
      if (!list) continue;
      const items = file.items(list.value);
      for (const it of items) addCalls(fact, s.str(it), file.lineOf(it), false);
      if (!items.length) addCalls(fact, s.str(list.value), list.line, false);
    }
  }
}

/**
 * The workload or Service fact of one Kubernetes object, or undefined for any other kind. In a masked
 * Helm template (`unmask` given), an apiVersion the template computes (`{{?}}`) is taken as the
 * built-in group of the kind: a chart's helper picks `apps/v1` or `batch/v1` by cluster version.
 */
export function workloadFact(
  file: YamlFile,
  root: Node | null,
  apiVersion: string,
  kind: string,
  line: number,
  unmask: Unmask = same,
): WorkloadFact | undefined {
  const s: Scalars = { file, str: (node) => ((v) => (v === undefined ? v : unmask(v)))(file.str(node)) };
  const computed = unmask !== same && apiVersion.includes('{{');
  const nameValue = kept(s.str(file.at(root, 'metadata', 'name')));
  const name = nameValue === undefined ? '' : nameValue.trim();
  const fact: WorkloadFact = { type: 'workload', kind, name, line, images: [], labels: [], calls: [] };
  if (kind === 'Service' && (apiVersion === 'v1' || computed)) {
    fact.labels = labelsOf(s, file.at(root, 'spec', 'selector'));
    return fact;
  }
  const knative = kind === 'Service' && KNATIVE.test(apiVersion);
  const workload = WORKLOADS[kind];
  if (!knative && !(workload?.groups.test(apiVersion) || (computed && workload && kind !== 'Rollout'))) return undefined;
  const template = file.at(root, ...(knative ? ['spec', 'template'] : workload.template));
  fact.labels = labelsOf(s, file.at(template, 'metadata', 'labels'));
  containerFacts(s, file.at(template, 'spec'), fact);
  if (knative) fact.service = true;
  if (fact.templated && fact.templated.length > 50) fact.templated.length = 50;
  return fact;
}
