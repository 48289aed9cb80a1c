import * as assert from 'node:assert';
import { buildTree, findNode } from '../../../src/extension/tree/model';
import { formatMessage, joinReasons, suggestNext } from '../../../src/core';
import { builtinCatalog, scanMemory } from '../helpers';

describe('reasons: why each skill has its status', () => {
  it('practised: the technology and the place that prove it', async () => {
    const map = await scanMemory({ 'package.json': '{"dependencies": {"pg": "^8.11.0"}}' });
    assert.strictEqual(map.skills.find((s) => s.id === 'databases')!.reason, 'Practised: PostgreSQL at package.json:1.');
  });

  it("started: what was found, and what would make it practised in the skill's own words", async () => {
    const map = await scanMemory({ 'package.json': '{\n  "dependencies": {\n    "ioredis": "^5.4.1"\n  }\n}\n' });
    const caching = map.skills.find((s) => s.id === 'caching')!;
    assert.strictEqual(caching.status, 'started');
    assert.match(caching.reason, /^Started: Redis found at package\.json:3, a hint only\. Practised needs .+\.$/);
    const proof = builtinCatalog().skills.find((s) => s.id === 'caching')!.proof;
    assert.ok(proof && caching.reason.includes(proof), 'the caching skill says what proves it');
  });

  it('started: a hint whose technology is listed under another skill is still named', async () => {
    // A gRPC library is a hint of microservices, and gRPC itself is listed under API development.
    const map = await scanMemory({ 'package.json': '{\n  "dependencies": {\n    "@grpc/grpc-js": "^1.10.0"\n  }\n}\n' });
    const microservices = map.skills.find((s) => s.id === 'microservices')!;
    assert.strictEqual(microservices.status, 'started');
    assert.match(microservices.reason, /^Started: gRPC found at package\.json:3, a hint only\./);
  });

  it('missing: what the scanner looked for', async () => {
    const map = await scanMemory({ 'README.md': 'nothing here' });
    assert.match(
      map.skills.find((s) => s.id === 'graph-databases')!.reason,
      /^Not shown yet: nothing found\. Looked for Neo4j, .+ and \d+ more\.$/,
    );
  });

  it("as messages an editor can translate, and in the tree's skill tooltip", async () => {
    const catalog = builtinCatalog();
    const map = await scanMemory({ 'package.json': '{"dependencies": {"pg": "^8.11.0"}}' });
    const message = map.skills.find((s) => s.id === 'databases')!.reasonMessage;
    assert.deepStrictEqual(
      [message.id, message.template, message.args],
      ['practised', 'Practised: {0} at {1}.', ['PostgreSQL', 'package.json:1']],
    );
    assert.strictEqual(formatMessage(message.template, message.args), map.skills.find((s) => s.id === 'databases')!.reason);
    const roots = buildTree({
      map,
      catalog,
      marks: new Map(),
      filter: 'all',
      tiers: ['core'],
      multiRoot: false,
      l10n: { t: (template: string | { message: string }, ...args: unknown[]) => `[fr] ${args.join(' / ')}` } as never,
    });
    assert.match(String(findNode(roots, 'skill:databases')!.tooltip), /\\\[fr\\\] PostgreSQL \/ package\\\.json:1/);
  });

  it('the tree names the units of a combination under its technology', async () => {
    const catalog = builtinCatalog();
    const map = await scanMemory({
      'cart/go.mod': 'module example.com/cart\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.64.0\n',
      'cart/main.go': 'package main\n\nimport "google.golang.org/grpc"\n\nfunc main() { grpc.NewServer() }\n',
      'checkout/Dockerfile': 'FROM node:22-alpine\n',
      'checkout/package.json': '{"dependencies": {"@grpc/grpc-js": "^1.10.0"}}',
    });
    const roots = buildTree({ map, catalog, marks: new Map(), filter: 'all', tiers: ['core'], multiRoot: false });
    const tech = findNode(roots, 'tech:microservices:gRPC between services');
    assert.ok(tech, 'a technology row for the combination');
    assert.strictEqual(tech.description, '2 services: cart/, checkout/');
    assert.ok(
      tech.children.some((c) => c.label === 'checkout/package.json:1'),
      tech.children.map((c) => c.label).join(', '),
    );
  });

  it('suggestions carry their reasons as messages, which read as the English reason', async () => {
    const map = await scanMemory({ 'package.json': '{\n  "dependencies": {\n    "ioredis": "^5.4.1"\n  }\n}\n' });
    const caching = suggestNext(map, builtinCatalog()).find((s) => s.id === 'caching')!;
    assert.strictEqual(caching.reasonMessages[0].id, 'suggest-started');
    assert.strictEqual(joinReasons(caching.reasonMessages.map((m) => formatMessage(m.template, m.args))), caching.reason);
    assert.match(caching.reason, /^Already started: Redis found, no strong evidence yet; .*about \d/);
    const german = joinReasons(
      caching.reasonMessages.map((m) => formatMessage(m.id === 'suggest-started' ? 'bereits begonnen: {0} gefunden' : '…', m.args)),
    );
    assert.match(german, /^Bereits begonnen: Redis gefunden/);
  });
});
