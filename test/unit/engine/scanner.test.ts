import * as assert from 'node:assert';
import * as path from 'node:path';
import { DiskSource, MemorySource, Scanner, evidenceInText, prepareRuleIndex } from '../../../src/core';
import { builtinCatalog, FIXTURES, scanMemory, statusOf } from '../helpers';

const EXPRESS_PG = JSON.stringify(
  { name: 'api', dependencies: { express: '^4.19.0', pg: '^8.11.0' }, devDependencies: { jest: '^29.0.0' } },
  null,
  2,
);

describe('scanner', () => {
  it('lists all 21 skills, with evidence carrying file, line, rule, technology and strength', async () => {
    const map = await scanMemory({ 'package.json': EXPRESS_PG });
    assert.strictEqual(map.skills.length, 21);
    assert.strictEqual(map.version, 1);
    const db = map.skills.find((s) => s.id === 'databases')!;
    assert.strictEqual(db.status, 'practised');
    const pg = db.evidence.find((e) => e.technology === 'PostgreSQL')!;
    assert.deepStrictEqual(
      { file: pg.file, line: pg.line, rule: pg.rule, strength: pg.strength },
      { file: 'package.json', line: 5, rule: 'databases/postgres-npm', strength: 'strong' },
    );
    assert.ok(db.technologies.includes('PostgreSQL'));
  });

  it('reads no verdict from prose: a README naming technologies proves nothing', async () => {
    const map = await scanMemory({
      'README.md': 'We run PostgreSQL, Redis, Kafka and Kubernetes.\n```\nimport redis\nFROM postgres:16\nkind: Deployment\n```\n',
      'docs/notes.txt': 'kafka redis postgres pg ioredis',
    });
    for (const s of map.skills) assert.strictEqual(s.status, 'missing', `${s.id} should be missing`);
  });

  it('reads no verdict from rule catalogues: search patterns and embedded example files are data', async () => {
    const map = await scanMemory({
      'rules/semgrep.yaml': [
        'rules:',
        '  - id: no-raw-sql',
        '    pattern: AWSTemplateFormatVersion',
        '    pattern-either:',
        '      - pattern: $X.createIndex({...})',
        '    regex: "pg_stat_statements|slow_query_log"',
      ].join('\n'),
      'catalogue/serverless.yaml': [
        'rules:',
        '  - id: x/y',
        '    examples:',
        '      positive:',
        '        - template.yaml: "AWSTemplateFormatVersion: 2010-09-09\\nTransform: AWS::Serverless-2016-10-31\\n"',
        '        - db.sql: "CREATE EXTENSION pg_stat_statements;\\nSELECT 1;\\n"',
      ].join('\n'),
    });
    for (const s of map.skills)
      assert.strictEqual(s.status, 'missing', `${s.id}: ${s.evidence.map((e) => `${e.file}:${e.line} ${e.rule}`).join(', ')}`);
  });

  it('lets files under fixture, example, sample, snippet and end-to-end test folders prove only Testing', async () => {
    const map = await scanMemory({
      'examples/kafka/docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n  db:\n    image: postgres:16\n',
      'test/fixtures/app/package.json': EXPRESS_PG,
      '_examples/orders-service/package.json': EXPRESS_PG,
      '_examples/orders-service/server.js': 'require("express")().listen(3000);\n',
      'docs/snippets/consumer/docker-compose.yml': 'services:\n  rabbitmq:\n    image: rabbitmq:3.13\n',
      'src/e2e-tests/docker-compose.yml': 'services:\n  ui:\n    image: cypress/included:13.6.0\n  db:\n    image: mysql:8.4\n',
    });
    for (const s of map.skills.filter((x) => x.id !== 'testing')) assert.strictEqual(s.status, 'missing', s.id);
  });

  it('lets test files, named as their runners find them, prove only Testing', async () => {
    const consumer =
      'import amqp from "amqplib";\n\nconst conn = await amqp.connect(url);\nconst channel = await conn.createChannel();\nawait channel.consume("orders", (msg) => channel.ack(msg));\n';
    for (const file of [
      'src/queue.test.ts',
      'src/queue.spec.mjs',
      'lib/queue_test.py',
      'test_queue.py',
      'src/test-helper.ts',
      'test/testHelpers.js',
    ]) {
      const map = await scanMemory({ [file]: file.endsWith('.py') ? 'import pika\n\nconn = pika.BlockingConnection()\n' : consumer });
      for (const s of map.skills.filter((x) => x.id !== 'testing')) assert.strictEqual(s.status, 'missing', `${file}: ${s.id}`);
    }
    const own = await scanMemory({ 'src/queue.ts': consumer });
    assert.ok(
      own.skills.some((s) => s.id !== 'testing' && s.status !== 'missing'),
      "the same code outside a test file is the project's own",
    );
  });

  it("reads a JVM package named com.example as the project's code, and an examples folder above the source root as examples", async () => {
    const listener =
      'package com.example.demo\n\nimport org.springframework.kafka.annotation.KafkaListener\n\nclass Orders {\n  @KafkaListener(topics = ["orders"])\n  fun on(order: String) {}\n}\n';
    const own = await scanMemory({ 'src/main/kotlin/com/example/demo/Orders.kt': listener });
    assert.strictEqual(statusOf(own, 'message-brokers'), 'practised', "Spring Initializr's default package is the project's own code");
    const sample = await scanMemory({ 'examples/shop/src/main/kotlin/com/example/demo/Orders.kt': listener });
    assert.strictEqual(
      statusOf(sample, 'message-brokers'),
      'missing',
      'an examples folder above the source root still proves nothing but Testing',
    );
  });

  it('gives a code pattern the line it is on, whatever the line ends, past comments and beside a minified line', () => {
    const line = (text: string) =>
      evidenceInText('src/cache.ts', text, builtinCatalog()).find((e) => e.rule === 'caching/redis-expiry-js')?.line;
    const body = [
      'import Redis from "ioredis";',
      '// await redis.setex("old", 1, v);',
      '',
      'export async function put(k, v) {',
      '  await redis.setex(k, 60, v);',
      '}',
    ];
    assert.strictEqual(line(body.join('\n')), 5);
    assert.strictEqual(line(body.join('\r\n')), 5);
    assert.strictEqual(line(body.join('\r\n') + '\r\n'), 5);
    assert.strictEqual(line(['const x = 1;', 'y'.repeat(5000), ...body].join('\n')), 7, 'a minified line is skipped, not the count');
    assert.strictEqual(line(body.slice(0, 4).join('\n')), undefined, 'a commented-out call proves nothing');
  });

  it('updates one file at a time: add, change and delete', async () => {
    const source = new MemorySource({ 'package.json': '{"dependencies": {"express": "^4"}}' });
    const scanner = new Scanner(source, builtinCatalog());
    let map = await scanner.scan();
    assert.strictEqual(statusOf(map, 'caching'), 'missing');
    source.set('worker/requirements.txt', 'django-redis==5.4.0\n');
    map = await scanner.updateFile('worker/requirements.txt');
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
    const ev = map.skills.find((s) => s.id === 'caching')!.evidence[0];
    assert.deepStrictEqual([ev.file, ev.line], ['worker/requirements.txt', 1]);
    source.set('worker/requirements.txt', 'flask==3.0.0\n');
    map = await scanner.updateFile('worker/requirements.txt');
    assert.strictEqual(statusOf(map, 'caching'), 'missing');
    source.set('worker/requirements.txt', 'django-redis==5.4.0\n');
    await scanner.updateFile('worker/requirements.txt');
    source.delete('worker/requirements.txt');
    map = scanner.removeFile('worker/requirements.txt');
    assert.strictEqual(statusOf(map, 'caching'), 'missing');
    assert.strictEqual(statusOf(map, 'web-frameworks'), 'practised');
  });

  it('re-reads a folder that an event called deleted but that is there again', async () => {
    const source = new MemorySource({
      'svc/requirements.txt': 'django-redis==5.4.0\n',
      'svc/package.json': '{"dependencies": {"pg": "^8"}}',
    });
    const scanner = new Scanner(source, builtinCatalog());
    let map = await scanner.scan();
    assert.strictEqual(statusOf(map, 'databases'), 'practised');
    source.delete('svc/package.json');
    map = await scanner.refreshFolder('svc');
    assert.strictEqual(statusOf(map, 'databases'), 'missing', 'the file gone from the folder is dropped');
    assert.strictEqual(statusOf(map, 'caching'), 'practised', 'the file still there keeps its evidence');
  });

  it('records a malformed manifest as skipped with a reason and keeps the other evidence', async () => {
    const map = await scanMemory({
      'package.json': '{"dependencies": {"pg": "^8"',
      'svc/requirements.txt': 'django-redis==5.4.0\n',
    });
    const skip = map.skipped.find((s) => s.file === 'package.json');
    assert.ok(skip, 'package.json should be listed as skipped');
    assert.match(skip.reason, /JSON/i);
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
  });

  it('marks dev-only dependencies weak unless the rule says otherwise', async () => {
    const map = await scanMemory({ 'package.json': '{"devDependencies": {"ioredis": "^5", "jest": "^29"}}' });
    assert.strictEqual(statusOf(map, 'caching'), 'started');
    assert.strictEqual(statusOf(map, 'testing'), 'practised');
  });

  it('can skip the imports pass', async () => {
    const files = { 'app/views.py': 'from django.core.cache import cache\n\ncache.set("k", 1, timeout=60)\n' };
    assert.strictEqual(statusOf(await scanMemory(files), 'caching'), 'practised');
    const off = await new Scanner(new MemorySource(files), builtinCatalog()).scan({ readSources: false });
    assert.strictEqual(statusOf(off, 'caching'), 'missing');
  });

  it('gives hover evidence for an unsaved document', () => {
    const ev = evidenceInText('package.json', EXPRESS_PG, builtinCatalog());
    assert.ok(ev.some((e) => e.technology === 'PostgreSQL' && e.line === 5));
    assert.ok(ev.some((e) => e.technology === 'Express' && e.line === 4));
  });

  it('reports the first manifests pass before imports', async () => {
    const partials: number[] = [];
    const source = new MemorySource({
      'package.json': EXPRESS_PG,
      'src/cache.ts': "import Redis from 'ioredis';\nawait redis.setex('k', 60, v);\n",
    });
    const map = await new Scanner(source, builtinCatalog()).scan({
      onPartial: (m) => partials.push(m.skills.filter((s) => s.status === 'practised').length),
    });
    assert.strictEqual(partials.length, 1);
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
    assert.ok(partials[0] < map.skills.filter((s) => s.status === 'practised').length);
  });
});

describe('rule index built in pieces', () => {
  it('lets the event loop in while it builds, and then scans exactly like one built at once', async () => {
    const pieces = { ...builtinCatalog() };
    const whole = { ...builtinCatalog() };
    let turns = 0;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    await prepareRuleIndex(pieces);
    done = true;
    assert.ok(turns >= 10, `${turns} turns of the event loop during the build`);
    const root = path.join(FIXTURES, 'express-postgres-redis');
    const a = await new Scanner(new DiskSource(root), pieces).scan();
    const b = await new Scanner(new DiskSource(root), whole).scan();
    assert.deepStrictEqual(a.skills, b.skills);
    assert.ok(a.skills.some((s) => s.status === 'practised'));
  });

  it('stops building when cancelled, and a scanner then builds its own', async () => {
    const catalog = { ...builtinCatalog() };
    const ctrl = new AbortController();
    const building = prepareRuleIndex(catalog, ctrl.signal);
    ctrl.abort();
    await building;
    const map = await new Scanner(new MemorySource({ 'requirements.txt': 'django-redis==5.4\n' }), catalog).scan();
    assert.strictEqual(statusOf(map, 'caching'), 'practised');
  });
});

describe('Helm templates with a computed apiVersion', () => {
  const chart = {
    'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
    'charts/api/templates/hpa.yaml': [
      '{{- if .Values.autoscaling.enabled }}',
      'apiVersion: {{ include "common.capabilities.hpa.apiVersion" ( dict "context" $ ) }}',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      '  name: {{ include "api.fullname" . }}',
      '{{- end }}',
    ].join('\n'),
    'charts/api/templates/argo.yaml': 'apiVersion: {{ .Values.argo.apiVersion }}\nkind: Application\nmetadata:\n  name: x\n',
  };

  it('still proves a built-in kind (here the HorizontalPodAutoscaler)', async () => {
    const map = await scanMemory(chart);
    const ha = map.skills.find((s) => s.id === 'load-balancing-ha')!;
    const hpa = ha.evidence.find((e) => e.file === 'charts/api/templates/hpa.yaml');
    assert.ok(hpa, JSON.stringify(ha.evidence));
    assert.strictEqual(hpa.line, 3);
  });

  it('does not prove a custom resource whose group is not known (an Application is not surely Argo CD)', async () => {
    const map = await scanMemory(chart);
    const cicd = map.skills.find((s) => s.id === 'ci-cd')!;
    assert.ok(!cicd.evidence.some((e) => e.file === 'charts/api/templates/argo.yaml'), JSON.stringify(cicd.evidence));
  });
});

describe('type-only imports', () => {
  it('are weak evidence: handler types alone hint at AWS Lambda, a runtime import proves it', async () => {
    const typesOnly = await scanMemory({
      'src/handler.ts':
        "import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: '' });\n",
    });
    const serverless = typesOnly.skills.find((s) => s.id === 'serverless')!;
    assert.ok(serverless.evidence.length > 0, 'the type import is still evidence');
    assert.ok(serverless.evidence.every((e) => e.strength === 'weak'));
    assert.strictEqual(serverless.status, 'started');
    const used = await scanMemory({
      'src/handler.ts': "import middy from '@middy/core';\nexport const handler = middy(async () => ({ statusCode: 200 }));\n",
    });
    assert.strictEqual(statusOf(used, 'serverless'), 'practised');
  });
});

describe('Redis as a cache', () => {
  it('is a hint from a bare client (often a job store), proof from keys written with an expiry', async () => {
    const queueOnly = await scanMemory({
      'package.json': JSON.stringify({ dependencies: { bullmq: '^5.7.0', ioredis: '^5.4.1' } }),
      'src/queue.ts':
        "import { Queue } from 'bullmq';\nimport IORedis from 'ioredis';\nexport const mail = new Queue('mail', { connection: new IORedis() });\n",
    });
    assert.strictEqual(statusOf(queueOnly, 'caching'), 'started');
    const cache = await scanMemory({
      'package.json': JSON.stringify({ dependencies: { ioredis: '^5.4.1' } }),
      'src/cache.ts':
        "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const remember = (k: string, v: string) => redis.set(k, v, 'EX', 300);\n",
    });
    assert.strictEqual(statusOf(cache, 'caching'), 'practised');
  });
});
