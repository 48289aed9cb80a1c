/**
 * CI pipelines: the container images their jobs and service containers run (GitHub Actions, GitLab CI,
 * CircleCI, Bitbucket Pipelines, Azure Pipelines, Drone and Woodpecker), and Travis service names mapped
 * to the images they stand for. Steps and scripts are left to the catalogue's content rules.
 */
import type { Node } from 'yaml';
import type { Fact, Reader, ReadResult } from '../types';
import { imageName } from './docker';
import { lowerBaseName, isYamlPath, MAX_WALK_DEPTH, readYaml, type MapEntry, type YamlDoc, type YamlFile } from './yamlDocs';

type Flavour = 'github' | 'gitlab' | 'circleci' | 'bitbucket' | 'azure' | 'travis' | 'drone';

/** Which CI system a path belongs to, if any. */
function ciFlavour(relPath: string): Flavour | undefined {
  if (!isYamlPath(relPath)) return undefined;
  const path = relPath.toLowerCase();
  const base = lowerBaseName(relPath);
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(path)) return 'github';
  if (base === '.gitlab-ci.yml' || base === '.gitlab-ci.yaml' || /\.gitlab-ci\.ya?ml$/.test(base) || /(^|\/)\.gitlab\/ci\//.test(path))
    return 'gitlab';
  if (/(^|\/)\.circleci\/[^/]+$/.test(path)) return 'circleci';
  if (/^bitbucket-pipelines\.ya?ml$/.test(base)) return 'bitbucket';
  if (/^azure-pipelines[^/]*\.ya?ml$/.test(base) || /(^|\/)\.azure-pipelines\//.test(path)) return 'azure';
  if (/^\.travis\.ya?ml$/.test(base)) return 'travis';
  if (/^\.(?:drone|woodpecker)\.ya?ml$/.test(base) || /(^|\/)\.woodpecker\/[^/]+$/.test(path)) return 'drone';
  return undefined;
}

/** Travis CI service names and the images that provide them. */
const TRAVIS_SERVICES: Record<string, string> = {
  postgresql: 'postgres',
  redis: 'redis',
  'redis-server': 'redis',
  mongodb: 'mongo',
  mysql: 'mysql',
  mariadb: 'mariadb',
  rabbitmq: 'rabbitmq',
  memcached: 'memcached',
  elasticsearch: 'elasticsearch',
  cassandra: 'cassandra',
  couchdb: 'couchdb',
  neo4j: 'neo4j',
};

/** The image facts of one CI file, gathered by the walkers of each CI flavour. */
class CiImages {
  readonly facts: Fact[] = [];
  constructor(readonly file: YamlFile) {}

  /** An image given as a string at `line`. */
  ref(ref: string | undefined, line: number): void {
    const name = ref === undefined ? undefined : imageName(ref);
    if (name) this.facts.push({ type: 'image', name, line });
  }

  /** A value that is an image string, or a mapping with the image under `key` (`image`, `name`). */
  image(node: Node | null, line: number, key: string): void {
    const s = this.file.str(node);
    if (s !== undefined) return this.ref(s, line);
    const inner = this.file.get(node, key);
    if (inner) this.ref(this.file.str(inner.value), inner.line);
  }

  /** An entry `image: <string | {key: ...}>`. */
  entry(e: MapEntry | undefined, key = 'name'): void {
    if (e) this.image(e.value, e.line, key);
  }

  /** Every `key:` entry anywhere below a node, depth-bounded. */
  each(node: Node | null, key: string, fn: (e: MapEntry) => void, depth = 0): void {
    if (depth > MAX_WALK_DEPTH || node === null) return;
    const f = this.file;
    if (f.isMap(node)) {
      for (const e of f.entries(node)) {
        if (e.key === key) fn(e);
        else this.each(e.value, key, fn, depth + 1);
      }
    } else for (const it of f.items(node)) this.each(it, key, fn, depth + 1);
  }
}

function github(c: CiImages, root: Node | null): void {
  const f = c.file;
  for (const job of f.entries(f.at(root, 'jobs'))) {
    for (const svc of f.entries(f.at(job.value, 'services'))) c.image(svc.value, svc.line, 'image');
    c.entry(f.get(job.value, 'container'), 'image');
    for (const step of f.items(f.at(job.value, 'steps'))) {
      const uses = f.get(step, 'uses');
      const ref = uses && f.str(uses.value);
      if (ref && ref.startsWith('docker://')) c.ref(ref.slice('docker://'.length), uses.line);
    }
  }
}

const GITLAB_KEYWORDS = new Set([
  'stages',
  'variables',
  'include',
  'workflow',
  'cache',
  'before_script',
  'after_script',
  'spec',
  'image',
  'services',
  'default',
]);

function gitlabJob(c: CiImages, job: Node | null): void {
  const f = c.file;
  c.entry(f.get(job, 'image'));
  for (const svc of f.items(f.at(job, 'services'))) c.image(svc, f.lineOf(svc), 'name');
}

function gitlab(c: CiImages, root: Node | null): void {
  const f = c.file;
  gitlabJob(c, root);
  gitlabJob(c, f.at(root, 'default'));
  for (const e of f.entries(root)) if (!GITLAB_KEYWORDS.has(e.key) && f.isMap(e.value)) gitlabJob(c, e.value);
}

function circleci(c: CiImages, root: Node | null): void {
  const f = c.file;
  for (const section of ['jobs', 'executors']) {
    for (const job of f.entries(f.at(root, section))) {
      for (const d of f.items(f.at(job.value, 'docker'))) c.entry(f.get(d, 'image'));
    }
  }
}

function bitbucket(c: CiImages, root: Node | null): void {
  const f = c.file;
  c.entry(f.get(root, 'image'));
  for (const svc of f.entries(f.at(root, 'definitions', 'services'))) c.entry(f.get(svc.value, 'image'));
  c.each(f.at(root, 'pipelines'), 'image', (e) => c.entry(e));
}

function azure(c: CiImages, root: Node | null): void {
  const f = c.file;
  const aliases = new Set<string>();
  for (const res of f.items(f.at(root, 'resources', 'containers'))) {
    const alias = f.get(res, 'container');
    const name = alias && f.str(alias.value);
    if (name) aliases.add(name);
    c.entry(f.get(res, 'image'));
  }
  const notAlias = (node: Node | null, line: number): void => {
    const s = f.str(node);
    if (s !== undefined && aliases.has(s)) return;
    c.image(node, line, 'image');
  };
  for (const e of f.entries(root)) {
    if (e.key === 'resources') continue;
    if (e.key === 'container') notAlias(e.value, e.line);
    else if (e.key === 'services') for (const s of f.entries(e.value)) notAlias(s.value, s.line);
    else {
      c.each(e.value, 'container', (x) => notAlias(x.value, x.line));
      c.each(e.value, 'services', (x) => {
        for (const s of f.entries(x.value)) notAlias(s.value, s.line);
      });
    }
  }
}

function travis(c: CiImages, root: Node | null): void {
  const f = c.file;
  const services = (node: Node | null): void => {
    const single = f.str(node);
    const items = single !== undefined ? [node] : f.items(node);
    for (const it of items) {
      const s = f.str(it);
      const image = s === undefined ? undefined : TRAVIS_SERVICES[s.trim().toLowerCase()];
      if (image && it) c.facts.push({ type: 'image', name: image, line: f.lineOf(it) });
    }
  };
  services(f.at(root, 'services'));
  for (const group of ['jobs', 'matrix']) {
    for (const job of f.items(f.at(root, group, 'include'))) services(f.at(job, 'services'));
  }
  for (const addon of f.entries(f.at(root, 'addons'))) {
    const image = addon.key === 'postgresql' || addon.key === 'mariadb' ? TRAVIS_SERVICES[addon.key] : undefined;
    if (image) c.facts.push({ type: 'image', name: image, line: addon.line });
  }
}

function drone(c: CiImages, root: Node | null): void {
  const f = c.file;
  for (const key of ['steps', 'services', 'pipeline']) {
    const section = f.at(root, key);
    const list = f.isMap(section) ? f.entries(section).map((e) => e.value) : f.items(section);
    for (const it of list) c.entry(f.get(it, 'image'));
  }
}

const READ: Record<Flavour, (c: CiImages, root: Node | null) => void> = { github, gitlab, circleci, bitbucket, azure, travis, drone };

export const ciReader: Reader = {
  name: 'ci',
  claims: isYamlPath,
  matches(relPath: string): boolean {
    return ciFlavour(relPath) !== undefined;
  },
  read(relPath: string, text: string): ReadResult {
    const flavour = ciFlavour(relPath);
    if (!flavour) return { facts: [] };
    return readYaml(text, (doc: YamlDoc, file: YamlFile) => {
      const c = new CiImages(file);
      READ[flavour](c, doc.root);
      return c.facts;
    });
  },
};
