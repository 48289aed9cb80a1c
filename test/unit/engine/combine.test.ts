import * as assert from 'node:assert';
import { Combiner } from '../../../src/core/combine/combine';
import { combinationSummary } from '../../../src/core/combine/summary';
import type { Evidence } from '../../../src/core';
import { builtinCatalog, scanMemory } from '../helpers';
import { rule, units } from './combineHelpers';

const ev = (file: string, ruleId: string, strength: Evidence['strength'] = 'strong'): Evidence => ({
  file,
  line: 3,
  technology: ruleId,
  rule: ruleId,
  strength,
});

describe('deployable units', () => {
  it('are folders with a container build, a serverless template, or a manifest beside an entry point', () => {
    const index = units([
      'orders/Dockerfile',
      'billing/serverless.yml',
      'shipping/go.mod',
      'shipping/cmd/shipping/main.go',
      'api/package.json',
      'api/src/main.ts',
      'svc/pom.xml',
      'svc/src/main/java/com/acme/svc/SvcApplication.java',
      'todos/Package.swift',
      'todos/Sources/App/entrypoint.swift',
    ]);
    assert.deepStrictEqual([...index.unitRoots().keys()], ['api', 'billing', 'orders', 'shipping', 'svc', 'todos']);
    assert.strictEqual(index.unitOf('orders/src/index.js'), 'orders');
    assert.strictEqual(index.unitOf('docs/readme.md'), undefined);
  });

  it('leave out libraries, hidden folders and examples', () => {
    const index = units([
      'packages/util/package.json',
      'packages/util/index.js',
      '.devcontainer/Dockerfile',
      'examples/demo/Dockerfile',
      'lib/go.mod',
      'kit/Package.swift',
      'kit/Sources/Kit/Kit.swift',
      'kit/Tests/KitTests/main.swift',
    ]);
    assert.deepStrictEqual([...index.unitRoots().keys()], []);
  });

  it('follow paths that come and go, a folder at a time', () => {
    const index = units(['a/Dockerfile', 'b/Dockerfile', 'b/inner/Dockerfile']);
    assert.strictEqual(index.unitOf('b/inner/x.py'), 'b/inner');
    index.remove('b');
    assert.deepStrictEqual([...index.unitRoots().keys()], ['a']);
  });
});

describe('combining rules', () => {
  const a = rule('caching/client', { strength: 'weak' });
  const b = rule('caching/expiry-code');
  const c = rule('message-brokers/kafka');

  it('allOf holds only when every selector finds a fact, and lists those facts under its own id', () => {
    const combo = rule('caching/client-used', {
      technology: 'Redis cache',
      combine: { allOf: [{ rule: 'caching/client' }, { rule: 'caching/expiry-*' }] },
    });
    const combiner = new Combiner([a, b, combo]);
    const out = combiner.evidence([ev('package.json', a.id, 'weak'), ev('src/cache.ts', b.id)], units([]));
    assert.deepStrictEqual(
      out.map((e) => [e.file, e.rule, e.technology, e.strength]),
      [
        ['package.json', combo.id, 'Redis cache', 'strong'],
        ['src/cache.ts', combo.id, 'Redis cache', 'strong'],
      ],
    );
    assert.deepStrictEqual(combiner.evidence([ev('package.json', a.id, 'weak')], units([])), []);
  });

  it('anyOf with atLeast counts the selectors met; strength narrows a selector', () => {
    const combo = rule('caching/two-signals', {
      combine: { anyOf: [{ rule: a.id, strength: 'strong' }, { rule: b.id }, { skill: 'message-brokers' }], atLeast: 2 },
    });
    const combiner = new Combiner([a, b, c, combo]);
    assert.strictEqual(combiner.evidence([ev('p.json', a.id, 'weak'), ev('x.ts', b.id)], units([])).length, 0);
    assert.strictEqual(combiner.evidence([ev('x.ts', b.id), ev('k.ts', c.id)], units([])).length, 2);
  });

  it('units: holds in enough units, each on its own facts, never on its Dockerfile', () => {
    const combo = rule('microservices/services', { technology: 'Services', combine: { units: 2, anyOf: [{ skill: 'message-brokers' }] } });
    const combiner = new Combiner([c, combo]);
    const layout = units(['orders/Dockerfile', 'shipping/Dockerfile', 'kafka/Dockerfile']);
    const facts = [ev('orders/src/a.ts', c.id), ev('shipping/src/b.ts', c.id), ev('kafka/Dockerfile', c.id)];
    const out = combiner.evidence(facts, layout);
    assert.deepStrictEqual(
      out.map((e) => `${e.file}:${e.line}`),
      ['orders/Dockerfile:1', 'orders/src/a.ts:3', 'shipping/Dockerfile:1', 'shipping/src/b.ts:3'],
    );
    assert.strictEqual(combinationSummary(combo, out), '2 services: orders/, shipping/');
    assert.deepStrictEqual(combiner.evidence(facts.slice(1), layout), [], 'one service with a broker, one broker image');
  });

  it('deployedUnit: holds in units with their own image or serverless template, not in a manifest beside an entry point', () => {
    const combo = rule('microservices/deployed', {
      technology: 'Services',
      combine: { units: 2, allOf: [{ deployedUnit: true }], anyOf: [{ skill: 'message-brokers' }] },
    });
    const combiner = new Combiner([c, combo]);
    const facts = [ev('orders/src/a.ts', c.id), ev('shipping/handler.ts', c.id), ev('billing/main.go', c.id)];
    const layout = units(['orders/Dockerfile', 'shipping/serverless.yml', 'billing/go.mod', 'billing/main.go']);
    const out = combiner.evidence(facts, layout);
    // Each deployed unit opens with its Dockerfile or template, listed once though it is also the deployedUnit fact.
    assert.deepStrictEqual(
      out.map((e) => `${e.file}:${e.line}`),
      ['orders/Dockerfile:1', 'orders/src/a.ts:3', 'shipping/serverless.yml:1', 'shipping/handler.ts:3'],
    );
    const samples = units(['orders/go.mod', 'orders/main.go', 'shipping/go.mod', 'shipping/main.go', 'billing/go.mod', 'billing/main.go']);
    const sampleFacts = [ev('orders/main.go', c.id), ev('shipping/main.go', c.id), ev('billing/main.go', c.id)];
    assert.deepStrictEqual(combiner.evidence(sampleFacts, samples), [], 'three apps that nothing deploys');
    const open = rule('microservices/open', { combine: { units: 2, anyOf: [{ skill: 'message-brokers' }] } });
    assert.strictEqual(new Combiner([c, open]).evidence(sampleFacts, samples).length, 6, 'without the selector they count');
  });
});

describe('combining rules in the catalogue', () => {
  it('are validated: a selector that names no rule is an error', async () => {
    const { loadCatalog } = await import('../../../src/core');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsm-combine-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(
      file,
      'rules:\n  - id: caching/typo\n    technology: T\n    strength: strong\n    combine: { allOf: [{ rule: "caching/no-such-rule" }] }\n    examples: { positive: [{a: b}], negative: [{a: b}] }\n',
    );
    const { problems } = loadCatalog(path.resolve(__dirname, '../../../../skills'), [file]);
    assert.ok(
      problems.some((p) => /combines caching\/no-such-rule, which names no detection rule/.test(p)),
      problems.join('\n'),
    );
  });

  it('a scanned workspace of three services shows microservices practised, with the reason naming them', async () => {
    const map = await scanMemory(
      {
        'orders/Dockerfile': 'FROM node:22-alpine\n',
        'orders/package.json': '{"dependencies": {"express": "^4.19.2", "amqplib": "^0.10.4"}}',
        'payment/Dockerfile': 'FROM python:3.12-slim\n',
        'payment/requirements.txt': 'fastapi==0.111.0\n',
        'shipping/Dockerfile': 'FROM golang:1.22\n',
        'shipping/go.mod': 'module example.com/shipping\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
      },
      builtinCatalog(),
    );
    const micro = map.skills.find((s) => s.id === 'microservices')!;
    assert.strictEqual(micro.status, 'practised');
    assert.strictEqual(micro.reason, 'Practised: Separately deployed services, 3 services: orders/, payment/, shipping/.');
  });
});
