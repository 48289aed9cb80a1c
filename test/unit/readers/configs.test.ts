import * as assert from 'node:assert';
import type { Fact, Reader, ReadResult } from '../../../src/core/types';
import { READERS } from '../../../src/core/readers';
import { dockerfileReader, imageName } from '../../../src/core/readers/docker';
import { composeReader } from '../../../src/core/readers/compose';
import { kubernetesReader } from '../../../src/core/readers/kubernetes';
import { ciReader } from '../../../src/core/readers/ci';

/** `name@line` for images, `Kind(apiVersion)@line` for kinds: short enough to compare whole lists (workloads: readers/workloads.test.ts). */
function brief(facts: Fact[]): string[] {
  return facts
    .filter((f) => f.type !== 'workload' && f.type !== 'chartValues')
    .map((f) => {
      if (f.type === 'image') return `${f.name}@${f.line}`;
      if (f.type === 'kind') return `${f.kind}(${f.apiVersion})@${f.line}`;
      return `${f.type}@${f.line}`;
    });
}

function read(reader: Reader, path: string, lines: string[]): ReadResult {
  assert.ok(reader.matches(path), `${reader.name} should claim ${path}`);
  return reader.read(path, lines.join('\n') + '\n');
}

function claimedBy(path: string): string[] {
  return READERS.filter((r) => r.matches(path)).map((r) => r.name);
}

describe('image names', () => {
  const table: [string, string | undefined][] = [
    ['postgres', 'postgres'],
    ['postgres:16-alpine', 'postgres'],
    ['Postgres:16', 'postgres'],
    ['bitnami/redis:7.2', 'bitnami/redis'],
    ['confluentinc/cp-kafka:7.6.0', 'confluentinc/cp-kafka'],
    ['docker.io/library/redis:7', 'redis'],
    ['library/redis', 'redis'],
    ['docker.io/bitnami/postgresql:16', 'bitnami/postgresql'],
    ['ghcr.io/org/app:1', 'org/app'],
    ['quay.io/prometheus/prometheus:v2.50.0', 'prometheus/prometheus'],
    ['localhost:5000/x', 'x'],
    ['localhost/x:1', 'x'],
    ['registry:5000/team/api', 'team/api'],
    ['123456789.dkr.ecr.eu-west-1.amazonaws.com/service/api:2', 'service/api'],
    ['postgres@sha256:0123456789abcdef', 'postgres'],
    ['mcr.microsoft.com/mssql/server:2022-latest@sha256:abc', 'mssql/server'],
    ['"redis:7"', 'redis'],
    ['${REGISTRY:-docker.io}/postgres:16', 'postgres'],
    ['$CI_REGISTRY/group/app:latest', 'group/app'],
    ['postgres:${PG_VERSION}', 'postgres'],
    ['${IMAGE}', undefined],
    ['$IMAGE:latest', undefined],
    ['{{ .Values.image }}', undefined],
    ['', undefined],
    ['not an image', undefined],
    ['UPPER_/bad', undefined],
  ];
  for (const [ref, expected] of table) {
    it(`${JSON.stringify(ref)} → ${expected ?? 'nothing'}`, () => {
      assert.strictEqual(imageName(ref), expected);
    });
  }
});

describe('Dockerfile reader', () => {
  it('claims Dockerfiles and Containerfiles by their usual names, and nothing else', () => {
    for (const p of [
      'Dockerfile',
      'api/Dockerfile',
      'Dockerfile.dev',
      'docker/api.Dockerfile',
      'build/web.dockerfile',
      'Containerfile',
      'Containerfile.prod',
      'dockerfile',
    ]) {
      assert.ok(dockerfileReader.matches(p), p);
    }
    for (const p of [
      'Dockerfile.md',
      'docs/Dockerfile.txt',
      'Dockerfile.json',
      'Dockerfiles/README',
      '.dockerignore',
      'src/dockerfile.ts',
      'my-dockerfile-notes',
    ]) {
      assert.ok(!dockerfileReader.matches(p), p);
    }
  });

  it('reads each stage base of a multi-stage build and skips stage names, scratch and comments', () => {
    const r = read(dockerfileReader, 'Dockerfile', [
      '# syntax=docker/dockerfile:1', //                    1
      'ARG NODE_IMAGE=node:20-alpine', //                   2
      'ARG REGISTRY', //                                    3
      'FROM --platform=$BUILDPLATFORM ${NODE_IMAGE} AS deps', // 4
      '# FROM mysql:8', //                                  5
      'WORKDIR /app', //                                    6
      'from deps as build', //                              7
      'RUN npm ci \\', //                                   8
      '  # a comment inside a continued instruction', //    9
      '  && npm run build', //                              10
      'FROM ${REGISTRY}/python:3.12-slim AS tools', //      11
      'FROM $UNKNOWN_BASE', //                              12
      'FROM scratch AS empty', //                           13
      'FROM gcr.io/distroless/nodejs20-debian12 AS runtime', // 14
      'COPY --from=build /app/dist /app', //                15
      'COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/uv', //16
      'COPY --from=0 /a /b', //                             17
      'EXPOSE 8080', //                                     18
    ]);
    assert.deepStrictEqual(brief(r.facts), ['node@4', 'python@11', 'distroless/nodejs20-debian12@14', 'astral-sh/uv@16']);
    assert.strictEqual(r.skipped, undefined);
  });

  it('reports the FROM line of a continued instruction and ignores heredoc bodies', () => {
    const r = read(dockerfileReader, 'Containerfile', [
      'FROM \\', //                  1
      '  postgres:16 \\', //         2
      '  AS db', //                  3
      'RUN <<EOF', //                4
      'FROM redis:7', //             5
      'EOF', //                      6
      'RUN cat <<<"$x"', //          7
      'FROM db', //                  8
      'from MongoDB:7', //           9
    ]);
    assert.deepStrictEqual(brief(r.facts), ['postgres@1', 'mongodb@9']);
  });

  it('honours the escape parser directive', () => {
    const r = read(dockerfileReader, 'win/Dockerfile', [
      '# escape=`',
      'FROM `',
      '  mcr.microsoft.com/dotnet/sdk:8.0 AS build',
      'RUN dir c:\\',
    ]);
    assert.deepStrictEqual(brief(r.facts), ['dotnet/sdk@2']);
  });

  it('survives self-referencing ARG defaults, binary content and a byte-order mark', () => {
    const growing = Array.from({ length: 40 }, () => 'ARG A=${A}${A}${A}${A}');
    assert.deepStrictEqual(read(dockerfileReader, 'Dockerfile', [...growing, 'FROM ${A}']).facts, []);
    assert.match(dockerfileReader.read('Dockerfile', 'FROM x\0y').skipped ?? '', /binary/);
    assert.deepStrictEqual(brief(dockerfileReader.read('Dockerfile', '\uFEFFFROM nginx:1.27\nCOPY site /usr/share/nginx/html\n').facts), [
      'nginx@1',
    ]);
  });

  it('reads no image from a Dockerfile of nothing but FROM: it pins a version and builds nothing', () => {
    assert.deepStrictEqual(read(dockerfileReader, 'Dockerfile', ['# tracked by the update bot', 'FROM neo4j:5.26']).facts, []);
    assert.deepStrictEqual(read(dockerfileReader, 'Dockerfile', ['ARG V=16', 'FROM postgres:${V}']).facts, []);
    assert.deepStrictEqual(brief(read(dockerfileReader, 'Dockerfile', ['FROM neo4j:5.26', 'ENV NEO4J_PLUGINS=\'["apoc"]\'']).facts), [
      'neo4j@1',
    ]);
  });
});

describe('Compose reader', () => {
  it('claims compose file names only', () => {
    for (const p of [
      'docker-compose.yml',
      'docker-compose.override.yaml',
      'deploy/docker-compose.prod.yml',
      'compose.yaml',
      'compose.dev.yml',
      'infra/db.compose.yml',
    ]) {
      assert.deepStrictEqual(claimedBy(p), ['compose'], p);
    }
    for (const p of ['composer.yml', 'docker-compose.md', 'k8s/deploy.yaml']) assert.ok(!composeReader.matches(p), p);
  });

  it('reads the image of each service at its image line, merge keys included', () => {
    const r = read(composeReader, 'docker-compose.yml', [
      'x-redis: &redis', //                                1
      '  image: bitnami/redis:7.2', //                     2
      'services:', //                                      3
      '  db:', //                                          4
      '    image: "postgres:16-alpine"', //                5
      '    # image: mysql:8', //                           6
      '  cache:', //                                       7
      '    <<: *redis', //                                 8
      '  kafka:', //                                       9
      '    image: ${REGISTRY:-docker.io}/confluentinc/cp-kafka:7.6.0', // 10
      '  api:', //                                         11
      '    build: .', //                                   12
      '  worker:', //                                      13
      '    image: ${WORKER_IMAGE}', //                     14
    ]);
    assert.deepStrictEqual(brief(r.facts), ['postgres@5', 'bitnami/redis@2', 'confluentinc/cp-kafka@10']);
    assert.strictEqual(r.skipped, undefined);
  });

  it('reads version 1 files, which have no services key', () => {
    const r = read(composeReader, 'docker-compose.yml', ['web:', '  build: .', 'db:', '  image: mysql:5.7']);
    assert.deepStrictEqual(brief(r.facts), ['mysql@4']);
  });

  it('keeps the facts above a syntax error and says where it is', () => {
    const r = read(composeReader, 'compose.yaml', [
      'services:',
      '  db:',
      '    image: postgres:16',
      '  cache:',
      '    image: [redis',
      '  mq:',
      '    image: rabbitmq:3',
    ]);
    assert.deepStrictEqual(brief(r.facts), ['postgres@3']);
    assert.match(r.skipped ?? '', /^invalid YAML at line \d+: /);
  });
});

describe('Kubernetes reader', () => {
  it('claims other YAML files, Helm templates and Kustomize files, but not compose or CI files', () => {
    for (const p of [
      'k8s/deployment.yaml',
      'chart/templates/deploy.yaml',
      'overlays/prod/kustomization.yaml',
      'chart/values.yaml',
      'openapi.yml',
    ]) {
      assert.deepStrictEqual(claimedBy(p), ['kubernetes'], p);
    }
    for (const p of ['.github/workflows/ci.yml', '.gitlab-ci.yml', 'docker-compose.yml', 'README.md', 'deploy.json']) {
      assert.ok(!kubernetesReader.matches(p), p);
    }
  });

  it('reads kinds and pod-spec images of every document, keeping the good documents around a broken one', () => {
    const r = read(kubernetesReader, 'k8s/app.yaml', [
      'apiVersion: apps/v1', //                   1
      'kind: Deployment', //                      2
      'metadata:', //                             3
      '  name: api', //                           4
      '  labels: {image: not-this-one}', //       5
      'spec:', //                                 6
      '  template:', //                           7
      '    spec:', //                             8
      '      initContainers:', //                 9
      '        - name: migrate', //               10
      '          image: flyway/flyway:10', //     11
      '      containers:', //                     12
      '        - name: api', //                   13
      '          image: ghcr.io/acme/api:1.4.2', // 14
      '        # - image: mysql:8', //            15
      '---', //                                   16
      'apiVersion: v1', //                        17
      'kind: Service', //                         18
      'metadata: {name: api', //                  19 (never closed)
      'spec:', //                                 20
      '  ports: [{port: 80}]', //                 21
      '---', //                                   22
      'apiVersion: batch/v1', //                  23
      'kind: CronJob', //                         24
      'spec:', //                                 25
      '  jobTemplate:', //                        26
      '    spec:', //                             27
      '      template:', //                       28
      '        spec:', //                         29
      '          containers:', //                 30
      '            - image: bitnami/kubectl:1.29', // 31
    ]);
    assert.deepStrictEqual(brief(r.facts), [
      'Deployment(apps/v1)@2',
      'flyway/flyway@11',
      'acme/api@14',
      'Service(v1)@18',
      'CronJob(batch/v1)@24',
      'bitnami/kubectl@31',
    ]);
    assert.match(r.skipped ?? '', /^invalid YAML at line (19|20|21|22) \(document 2 of 3\): /);
  });

  it('reads images of custom resources under spec, and the items of a List', () => {
    const r = read(kubernetesReader, 'deploy/kafka.yml', [
      'apiVersion: kafka.strimzi.io/v1beta2', //  1
      'kind: Kafka', //                           2
      'spec:', //                                 3
      '  kafka:', //                              4
      '    image: quay.io/strimzi/kafka:0.40.0-kafka-3.7.0', // 5
      '---', //                                   6
      'apiVersion: v1', //                        7
      'kind: List', //                            8
      'items:', //                                9
      '  - apiVersion: v1', //                    10
      '    kind: ConfigMap', //                   11
      '    data: {image: nginx}', //              12
    ]);
    assert.deepStrictEqual(brief(r.facts), ['Kafka(kafka.strimzi.io/v1beta2)@2', 'strimzi/kafka@5', 'List(v1)@8', 'ConfigMap(v1)@11']);
  });

  it('does not parse YAML that names no apiVersion and kind', () => {
    assert.deepStrictEqual(kubernetesReader.read('openapi.yaml', 'openapi: 3.0.0\ninfo: {title: x\n'), { facts: [] });
    assert.deepStrictEqual(kubernetesReader.read('config/app.yml', 'kind: of a config\nimage: postgres\n').facts, []);
  });

  it('reads Helm templates line by line, skipping templated values and template comments', () => {
    const r = read(kubernetesReader, 'charts/api/templates/deployment.yaml', [
      '{{- if .Values.enabled }}', //                                      1
      'apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}', // 2
      'kind: Deployment', //                                               3
      'metadata:', //                                                      4
      '  name: {{ include "api.fullname" . }}', //                         5
      'spec:', //                                                          6
      '  template:', //                                                    7
      '    spec:', //                                                      8
      '      containers:', //                                              9
      '        - name: api', //                                            10
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"', // 11
      '        - name: sidecar', //                                        12
      '          image: envoyproxy/envoy:v1.30.1 # pinned', //             13
      '{{/*', //                                                           14
      'kind: Secret', //                                                   15
      '          image: mysql:8', //                                       16
      '*/}}', //                                                           17
      '{{- end }}', //                                                     18
      '---', //                                                            19
      'apiVersion: v1', //                                                 20
      'kind: Service', //                                                  21
      '---', //                                                            22
      'kind: NotAnObject', //                                              23
    ]);
    assert.deepStrictEqual(brief(r.facts), ['Deployment()@3', 'envoyproxy/envoy@13', 'Service(v1)@21']);
    assert.strictEqual(r.skipped, undefined);
  });

  it('falls back to the line scan when templated YAML outside templates/ does not parse', () => {
    const r = read(kubernetesReader, 'deploy/app.yaml', [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'spec:',
      '  {{- with .Values.x }}',
      '  replicas: {{ . }}',
      '  {{- end }}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - image: postgres:16',
    ]);
    assert.deepStrictEqual(brief(r.facts), ['StatefulSet(apps/v1)@2', 'postgres@10']);
  });

  it('reads image.repository in Helm values files, and only there', () => {
    const r = read(kubernetesReader, 'charts/cache/values.yaml', [
      'image:', //                             1
      '  registry: docker.io', //              2
      '  repository: bitnami/redis', //        3
      '  tag: 7.2.4', //                       4
      'metrics:', //                           5
      '  image:', //                           6
      '    repository: bitnami/redis-exporter', // 7
      'backup:', //                            8
      '  repository: s3://bucket', //          9
      'sidecar:', //                           10
      '  image: busybox', //                   11
    ]);
    assert.deepStrictEqual(brief(r.facts), ['bitnami/redis@3', 'bitnami/redis-exporter@7']);
  });

  it('reads Kustomize files, with or without apiVersion and kind', () => {
    const bare = read(kubernetesReader, 'overlays/prod/kustomization.yaml', [
      'resources:',
      '  - ../../base',
      'images:',
      '  - name: postgres',
      '    newTag: "16"',
    ]);
    assert.deepStrictEqual(brief(bare.facts), ['Kustomization(kustomize.config.k8s.io/v1beta1)@1', 'postgres@4']);
    const full = read(kubernetesReader, 'base/kustomization.yml', [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources: [deploy.yaml]',
    ]);
    assert.deepStrictEqual(brief(full.facts), ['Kustomization(kustomize.config.k8s.io/v1beta1)@2']);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    for (const [reader, path] of [
      [kubernetesReader, 'k8s/bomb.yaml'],
      [composeReader, 'docker-compose.yml'],
      [ciReader, '.gitlab-ci.yml'],
    ] as const) {
      const r = reader.read(path, lines.join('\n'));
      assert.deepStrictEqual(r.facts, [], path);
      assert.match(r.skipped ?? '', /alias bomb/, path);
    }
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
  });

  it('stays quick and quiet on hostile shapes', () => {
    const inputs = [
      'apiVersion: v1\nkind: Pod\n' + '['.repeat(50000) + ']'.repeat(50000),
      'apiVersion: v1\nkind: Pod\n' + '- '.repeat(20000) + 'x\n',
      'apiVersion: v1\nkind: Pod\n' + '"'.repeat(200000),
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: nginx\n      note: ' + 'x'.repeat(3 * 1024 * 1024) + '\n',
      'apiVersion: v1\nkind: Pod\n' + '---\n'.repeat(30000),
      'apiVersion: v1\nkind: Pod\n\0\n',
    ];
    for (const text of inputs) {
      const started = Date.now();
      const r = kubernetesReader.read('k8s/x.yaml', text);
      assert.ok(Array.isArray(r.facts));
      assert.ok(Date.now() - started < 2000, `${text.slice(0, 40)}: ${Date.now() - started} ms`);
    }
    // The long line is cut, the short ones around it are still read.
    assert.deepStrictEqual(brief(kubernetesReader.read('k8s/x.yaml', inputs[3]).facts), ['Pod(v1)@2', 'nginx@5']);
  });
});

describe('CI reader', () => {
  it('claims the pipeline files of each CI system', () => {
    for (const p of [
      '.github/workflows/ci.yml',
      '.github/workflows/release.yaml',
      '.gitlab-ci.yml',
      '.gitlab/ci/test.yml',
      'ci/build.gitlab-ci.yml',
      '.circleci/config.yml',
      'bitbucket-pipelines.yml',
      'azure-pipelines.yml',
      '.travis.yml',
      '.drone.yml',
    ]) {
      assert.deepStrictEqual(claimedBy(p), ['ci'], p);
    }
    for (const p of ['.github/dependabot.yml', 'workflows/ci.yml', 'gitlab-ci.md']) assert.ok(!ciReader.matches(p), p);
  });

  it('reads GitHub Actions services, containers and docker:// steps', () => {
    const r = read(ciReader, '.github/workflows/ci.yml', [
      'name: ci', //                                 1
      'on: [push]', //                               2
      'jobs:', //                                    3
      '  test:', //                                  4
      '    runs-on: ubuntu-latest', //               5
      '    container: node:20-bookworm', //          6
      '    services:', //                            7
      '      postgres:', //                          8
      '        image: postgres:${{ matrix.pg }}', // 9
      '        ports: ["5432:5432"]', //             10
      '      redis: redis:7', //                     11
      '    steps:', //                               12
      '      - uses: actions/checkout@v4', //        13
      '      - uses: docker://hadolint/hadolint:v2.12.0', // 14
      '      - run: docker run mysql:8', //          15
      '  e2e:', //                                   16
      '    container:', //                           17
      '      image: mcr.microsoft.com/playwright:v1.44.0', // 18
    ]);
    assert.deepStrictEqual(brief(r.facts), ['postgres@9', 'redis@11', 'node@6', 'hadolint/hadolint@14', 'playwright@18']);
  });

  it('reads GitLab CI images and services at top level and in jobs', () => {
    const r = read(ciReader, '.gitlab-ci.yml', [
      'image: python:3.12', //                   1
      'services:', //                            2
      '  - postgres:16', //                      3
      '  - name: redis:7', //                    4
      '    alias: cache', //                     5
      'variables:', //                           6
      '  image: not-an-image', //                7
      '.db: &db', //                             8
      '  services: [mongo:7]', //                9
      'test:', //                                10
      '  <<: *db', //                            11
      '  image:', //                             12
      '    name: $CI_REGISTRY/group/app:latest', // 13
      '  script: [pytest]', //                   14
    ]);
    assert.deepStrictEqual(brief(r.facts), ['python@1', 'postgres@3', 'redis@4', 'mongo@9', 'group/app@13']);
  });

  it('reads CircleCI, Bitbucket and Azure Pipelines images', () => {
    const circle = read(ciReader, '.circleci/config.yml', [
      'version: 2.1',
      'executors:',
      '  py:',
      '    docker:',
      '      - image: cimg/python:3.12',
      'jobs:',
      '  test:',
      '    docker:',
      '      - image: cimg/base:stable',
      '      - image: circleci/postgres:12',
    ]);
    assert.deepStrictEqual(brief(circle.facts), ['cimg/base@9', 'circleci/postgres@10', 'cimg/python@5']);

    const bitbucket = read(ciReader, 'bitbucket-pipelines.yml', [
      'image: node:20',
      'definitions:',
      '  services:',
      '    postgres:',
      '      image: postgres:15',
      'pipelines:',
      '  default:',
      '    - step:',
      '        image: cypress/included:13.6.0',
      '        services: [postgres]',
    ]);
    assert.deepStrictEqual(brief(bitbucket.facts), ['node@1', 'postgres@5', 'cypress/included@9']);

    const azure = read(ciReader, 'azure-pipelines.yml', [
      'resources:',
      '  containers:',
      '    - container: pg',
      '      image: postgres:16',
      'jobs:',
      '  - job: test',
      '    container: ubuntu:22.04',
      '    services:',
      '      db: pg',
      '      cache: redis:7',
    ]);
    assert.deepStrictEqual(brief(azure.facts), ['postgres@4', 'ubuntu@7', 'redis@10']);
  });

  it('maps Travis service names to the images that provide them', () => {
    const r = read(ciReader, '.travis.yml', [
      'language: node_js',
      'services:',
      '  - postgresql',
      '  - redis-server',
      '  - docker',
      '  - mongodb',
      'addons:',
      '  mariadb: "10.6"',
    ]);
    assert.deepStrictEqual(brief(r.facts), ['postgres@3', 'redis@4', 'mongo@6', 'mariadb@8']);
  });

  it('reads nothing from comments and reports invalid YAML with its line', () => {
    const r = read(ciReader, '.gitlab-ci.yml', [
      '# image: mysql:8',
      'test:',
      '  image: node:20',
      '  script: echo: bad: here',
      '  services: [redis]',
    ]);
    assert.deepStrictEqual(brief(r.facts), ['node@3']);
    assert.match(r.skipped ?? '', /^invalid YAML at line 4: /);
    assert.match(ciReader.read('.gitlab-ci.yml', 'image: x\0').skipped ?? '', /binary/);
  });
});
