/**
 * Kubernetes-style YAML: the apiVersion/kind of each document and the container images its specs name.
 * Also Helm chart templates (their kinds and images read line by line, as `{{ }}` is rarely valid
 * YAML; their workloads read from the template with its actions masked, formats/goTemplate.ts), Helm
 * values files (`image.repository`, and a chart's `values.yaml` as values its templates may use) and
 * Kustomize files.
 */
import type { Node } from 'yaml';
import type { ChartValuesFact, Fact, Reader, ReadResult } from '../types';
import { ciReader } from './ci';
import { composeReader } from './compose';
import { imageName } from './docker';
import { setAsideDefinitions } from './formats/definitionDocuments';
import { maskGoTemplate } from './formats/goTemplate';
import { looksBinary, stripBom } from './text';
import { workloadFact } from './workloads';
import { lowerBaseName, dedupe, isYamlPath, MAX_WALK_DEPTH, readYaml, readYamlDetailed, type YamlDoc, type YamlFile } from './yamlDocs';

const KIND = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const API_VERSION = /^[A-Za-z0-9][A-Za-z0-9.\-/]{0,199}$/;
const KUSTOMIZATION = /^kustomization\.ya?ml$/;
const VALUES = /^values[^/]*\.ya?ml$/;

function underTemplates(relPath: string): boolean {
  return /(^|\/)templates\//.test(relPath);
}

/** `image: {repository: bitnami/redis, registry: docker.io, tag: ...}` → the repository. */
function repositoryImage(file: YamlFile, node: Node | null): { ref: string; line: number } | undefined {
  const repo = file.get(node, 'repository');
  const ref = repo && file.str(repo.value);
  return ref ? { ref, line: repo.line } : undefined;
}

/** Container images under the document's specs: `image:` strings, and `image:` mappings with a repository. */
function specImages(file: YamlFile, root: Node | null, facts: Fact[]): void {
  const push = (ref: string | undefined, line: number) => {
    const name = ref === undefined ? undefined : imageName(ref);
    if (name) facts.push({ type: 'image', name, line });
  };
  const walk = (node: Node | null, inSpec: boolean, depth: number): void => {
    if (depth > MAX_WALK_DEPTH || node === null) return;
    if (file.isMap(node)) {
      for (const e of file.entries(node)) {
        if (inSpec && e.key === 'image') {
          const s = file.str(e.value);
          if (s !== undefined) push(s, e.line);
          else {
            const repo = repositoryImage(file, e.value);
            if (repo) push(repo.ref, repo.line);
          }
          continue;
        }
        walk(e.value, inSpec || e.key === 'spec' || e.key === 'containers' || e.key === 'initContainers', depth + 1);
      }
    } else for (const it of file.items(node)) walk(it, inSpec, depth + 1);
  };
  walk(root, false, 0);
}

/** Kind facts of one mapping (and of the items of a `*List`), image facts of its specs. */
function objectFacts(file: YamlFile, root: Node | null, facts: Fact[], depth = 0): void {
  const api = file.get(root, 'apiVersion');
  const kind = file.get(root, 'kind');
  const apiVersion = api && file.str(api.value)?.trim();
  const kindName = kind && file.str(kind.value)?.trim();
  if (!kind || !apiVersion || !kindName || !KIND.test(kindName) || !API_VERSION.test(apiVersion)) return;
  facts.push({ type: 'kind', apiVersion, kind: kindName, line: kind.line });
  if (kindName.endsWith('List') && depth < 2) {
    for (const item of file.items(file.at(root, 'items'))) objectFacts(file, item, facts, depth + 1);
    return;
  }
  specImages(file, root, facts);
  const workload = workloadFact(file, root, apiVersion, kindName, kind.line);
  if (workload) facts.push(workload);
}

function kustomizeFacts(file: YamlFile, doc: YamlDoc, facts: Fact[]): void {
  const root = doc.root;
  if (!file.isMap(root)) return;
  if (!facts.some((f) => f.type === 'kind')) {
    const first = file.entries(root)[0];
    if (first) facts.push({ type: 'kind', apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', line: first.line });
  }
  for (const img of file.items(file.at(root, 'images'))) {
    for (const key of ['name', 'newName']) {
      const e = file.get(img, key);
      const name = e && file.str(e.value);
      const n = name === undefined ? undefined : imageName(name);
      if (n) facts.push({ type: 'image', name: n, line: e!.line });
    }
  }
}

/** Chart values kept for resolving templates: at most this many, each at most this long. */
const MAX_CHART_VALUES = 2000;
const MAX_CHART_VALUE = 256;
const VALUE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A chart's `values.yaml` as scalar values by dotted path; sequences are not entered (a template reaches them by `index` or `range`). */
function chartValues(file: YamlFile, root: Node | null): Fact[] {
  const values: [string, string][] = [];
  const walk = (node: Node | null, prefix: string, depth: number): void => {
    for (const e of file.entries(node)) {
      if (values.length >= MAX_CHART_VALUES) return;
      if (!VALUE_KEY.test(e.key)) continue;
      const path = prefix ? `${prefix}.${e.key}` : e.key;
      if (file.isMap(e.value)) {
        if (depth < 16) walk(e.value, path, depth + 1);
        continue;
      }
      const v = file.str(e.value);
      if (v !== undefined && v.length <= MAX_CHART_VALUE && !v.includes('\n')) values.push([path, v]);
    }
  };
  walk(root, '', 0);
  const first = file.entries(root)[0];
  return values.length ? [{ type: 'chartValues', line: first?.line ?? 1, values } satisfies ChartValuesFact] : [];
}

function valuesFacts(file: YamlFile, root: Node | null): Fact[] {
  const facts: Fact[] = [];
  const walk = (node: Node | null, depth: number): void => {
    if (depth > MAX_WALK_DEPTH || node === null) return;
    if (file.isMap(node)) {
      for (const e of file.entries(node)) {
        if (e.key === 'image' && file.isMap(e.value)) {
          const repo = repositoryImage(file, e.value);
          const name = repo && imageName(repo.ref);
          if (name) facts.push({ type: 'image', name, line: repo!.line });
        } else walk(e.value, depth + 1);
      }
    } else for (const it of file.items(node)) walk(it, depth + 1);
  };
  walk(root, 0);
  return facts;
}

const TOP_KIND = /^kind:[ \t]*(["']?)([A-Za-z][A-Za-z0-9]{0,99})\1[ \t]*(?:#.*)?$/;
const TOP_API = /^apiVersion:[ \t]*(.*)$/;
const IMAGE_LINE = /^[ \t]*(?:-[ \t]+)?image:[ \t]*(.*)$/;

/** Helm templates: `---` documents scanned line by line; templated values are skipped. */
function lineScan(text: string): Fact[] {
  const facts: Fact[] = [];
  const lines = stripBom(text).split('\n');
  let api: string | undefined;
  let kind: { name: string; line: number } | undefined;
  let images: Fact[] = [];
  let inComment = false;
  const flush = (): void => {
    if (api !== undefined && kind) {
      facts.push({ type: 'kind', apiVersion: api, kind: kind.name, line: kind.line });
      facts.push(...images);
    }
    api = undefined;
    kind = undefined;
    images = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.length > 4096) continue;
    const line = raw.replace(/\r$/, '');
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (/\{\{-?\s*\/\*/.test(line) && !line.includes('*/')) {
      inComment = true;
      continue;
    }
    if (line.startsWith('---')) {
      flush();
      continue;
    }
    if (line.trimStart().startsWith('#')) continue;
    const a = TOP_API.exec(line);
    if (a) {
      const v = a[1]
        .replace(/\s+#.*$/, '')
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2');
      api = API_VERSION.test(v) ? v : '';
      continue;
    }
    const k = TOP_KIND.exec(line);
    if (k) {
      kind = { name: k[2], line: i + 1 };
      continue;
    }
    const img = IMAGE_LINE.exec(line);
    if (img) {
      const v = img[1].replace(/\s+#.*$/, '').trim();
      if (v.includes('{{') || v.includes('}}')) continue;
      const name = imageName(v);
      if (name) images.push({ type: 'image', name, line: i + 1 });
    }
  }
  flush();
  return facts;
}

/** A top-level `kind:` line of a workload or a Service. */
const WORKLOAD_KIND = /^kind:[ \t]*["']?(?:Deployment|StatefulSet|DaemonSet|Job|CronJob|Rollout|Service)["']?[ \t]*(?:#.*)?\r?$/m;

/** Kubernetes objects of a masked template: only their workload and Service facts (the line scan gives kinds and images). */
function templateObjects(file: YamlFile, root: Node | null, unmask: (s: string) => string, facts: Fact[], depth = 0): void {
  const api = file.get(root, 'apiVersion');
  const kind = file.get(root, 'kind');
  const apiVersion = api && unmask(file.str(api.value) ?? '').trim();
  const kindName = kind && file.str(kind.value)?.trim();
  if (!kind || !apiVersion || !kindName || !KIND.test(kindName)) return;
  if (kindName.endsWith('List') && depth < 2) {
    for (const item of file.items(file.at(root, 'items'))) templateObjects(file, item, unmask, facts, depth + 1);
    return;
  }
  const workload = workloadFact(file, root, apiVersion, kindName, kind.line, unmask);
  if (workload) facts.push(workload);
}

/**
 * A Go template's facts: kinds and literal images by the line scan, workloads from the template read
 * as it would render. A template that still does not parse once masked keeps the workloads of its
 * documents before the error, and says why.
 */
function templateFacts(text: string): ReadResult {
  // Parsing is for workloads and Services only: a template of other kinds (CRDs, RBAC) keeps to the line scan.
  if (!WORKLOAD_KIND.test(text)) return { facts: dedupe(lineScan(text)) };
  const masked = maskGoTemplate(stripBom(text));
  const { result } = readYamlDetailed(masked.text, (doc, file) => {
    const facts: Fact[] = [];
    templateObjects(file, doc.root, masked.unmask, facts);
    return facts;
  });
  const facts = dedupe([...lineScan(text), ...result.facts]);
  return result.skipped
    ? { facts, skipped: `workloads not read past a template that does not render as YAML: ${result.skipped}` }
    : { facts };
}

function readKubernetes(relPath: string, text: string): ReadResult {
  if (looksBinary(text)) return { facts: [], skipped: 'binary content (NUL bytes), not YAML' };
  const base = lowerBaseName(relPath);
  if (VALUES.test(base)) {
    const chart = base === 'values.yaml';
    if (!text.includes('repository') && !chart) return { facts: [] };
    const read = readYaml(text, (doc, file) => [
      ...valuesFacts(file, doc.root),
      ...(chart && doc.index === 1 ? chartValues(file, doc.root) : []),
    ]);
    // A values file that names no image repository was not read before: its problems are no one's concern.
    return text.includes('repository') ? read : { facts: read.facts };
  }
  const kustomize = KUSTOMIZATION.test(base);
  if (!kustomize && !(text.includes('apiVersion') && text.includes('kind'))) return { facts: [] };
  const templated = text.includes('{{');
  if (templated && underTemplates(relPath)) return templateFacts(text);
  // Definitions (CRDs) are named from their lines; their schemas are not parsed.
  const setAside = templated ? undefined : setAsideDefinitions(text);
  const definitions = setAside?.definitions ?? [];
  let next = 0;
  const { result, first } = readYamlDetailed(setAside?.text ?? text, (doc, file) => {
    const facts: Fact[] = [];
    objectFacts(file, doc.root, facts);
    if (kustomize) kustomizeFacts(file, doc, facts);
    if (!definitions.length || doc.root === null) return facts;
    // The definitions before this document come first, as they would have been read in file order.
    const start = file.lineOf(doc.root);
    const before: Fact[] = [];
    while (next < definitions.length && definitions[next].startLine < start) before.push(definitions[next++].fact);
    return before.length ? [...before, ...facts] : facts;
  });
  // A template's placeholders break the YAML: its lines are scanned instead, and it is read masked.
  if (templated && first === 'syntax') return templateFacts(text);
  while (next < definitions.length) result.facts.push(definitions[next++].fact);
  return result;
}

export const kubernetesReader: Reader = {
  name: 'kubernetes',
  claims: isYamlPath,
  matches(relPath: string): boolean {
    return (
      isYamlPath(relPath) && !composeReader.matches(relPath) && !ciReader.matches(relPath) && !/(^|\/)\.github\/workflows\//i.test(relPath)
    );
  },
  read(relPath: string, text: string): ReadResult {
    try {
      return readKubernetes(relPath, text);
    } catch (err) {
      return { facts: [], skipped: `Kubernetes YAML not read: ${(err as Error)?.message ?? String(err)}` };
    }
  },
};
