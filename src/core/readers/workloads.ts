/**
 * Kubernetes workloads and Services as facts for deployable units (combine/workloads.ts): a
 * workload's name, its containers' images, its pod labels, and the hosts its env values, args and
 * command name (`http://carts:80`, `orders.shop.svc`, `payment:8080`); a Service's name and selector.
 */
import type { Node } from 'yaml';
import type { WorkloadFact } from '../types';
import { imageName } from './docker';
import type { YamlFile } from './yamlDocs';

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
function labelsOf(file: YamlFile, node: Node | null): string[] {
  const out: string[] = [];
  for (const e of file.entries(node)) {
    const v = file.str(e.value);
    if (v !== undefined && !v.includes('{{')) out.push(`${e.key}=${v}`);
  }
  return out;
}

function addCalls(calls: [string, number][], value: string | undefined, line: number, bare: boolean): void {
  if (value === undefined) return;
  for (const host of hostsIn(value, bare)) if (!calls.some(([h]) => h === host)) calls.push([host, line]);
}

/** Images, and the hosts named by env values, args and command, of a pod spec's containers. */
function containerFacts(file: YamlFile, podSpec: Node | null, fact: WorkloadFact): void {
  for (const c of file.items(file.at(podSpec, 'containers'))) {
    const image = file.get(c, 'image');
    const ref = image && file.str(image.value);
    const name = ref === undefined || ref.includes('{{') ? undefined : imageName(ref);
    if (name && !fact.images.includes(name)) fact.images.push(name);
    for (const env of file.items(file.at(c, 'env'))) {
      const value = file.get(env, 'value');
      const variable = file.str(file.at(env, 'name')) ?? '';
      if (value) addCalls(fact.calls, file.str(value.value), value.line, HOST_VARIABLE.test(variable));
    }
    for (const key of ['args', 'command']) {
      const list = file.get(c, key);
      if (!list) continue;
      const items = file.items(list.value);
      for (const it of items) addCalls(fact.calls, file.str(it), file.lineOf(it), false);
      if (!items.length) addCalls(fact.calls, file.str(list.value), list.line, false);
    }
  }
}

/** The workload or Service fact of one Kubernetes object, or undefined for any other kind. */
export function workloadFact(file: YamlFile, root: Node | null, apiVersion: string, kind: string, line: number): WorkloadFact | undefined {
  const nameValue = file.str(file.at(root, 'metadata', 'name'));
  const name = nameValue === undefined || nameValue.includes('{{') ? '' : nameValue.trim();
  const fact: WorkloadFact = { type: 'workload', kind, name, line, images: [], labels: [], calls: [] };
  if (kind === 'Service' && apiVersion === 'v1') {
    fact.labels = labelsOf(file, file.at(root, 'spec', 'selector'));
    return fact;
  }
  const knative = kind === 'Service' && KNATIVE.test(apiVersion);
  const workload = WORKLOADS[kind];
  if (!knative && !workload?.groups.test(apiVersion)) return undefined;
  const template = file.at(root, ...(knative ? ['spec', 'template'] : workload.template));
  fact.labels = labelsOf(file, file.at(template, 'metadata', 'labels'));
  containerFacts(file, file.at(template, 'spec'), fact);
  if (knative) fact.service = true;
  return fact;
}
