import * as assert from 'node:assert';
import * as path from 'node:path';
import { DiskSource, MemorySource, Scanner, type Evidence } from '../../../src/core';
import { RequirementUse } from '../../../src/core/match/requirementUse';
import { builtinCatalog, FIXTURES, scanMemory, statusOf } from '../helpers';

const GO_MOD =
  'module example.com/kit\n\ngo 1.22\n\nrequire (\n\tgithub.com/IBM/sarama v1.43.2\n\tgithub.com/redis/go-redis/v9 v9.5.3\n)\n';
const SARAMA_USED =
  'package kit\n\nimport "github.com/IBM/sarama"\n\nfunc Producer(addr string) (sarama.SyncProducer, error) {\n\treturn sarama.NewSyncProducer([]string{addr}, nil)\n}\n';
const SARAMA_TESTED =
  'package kit\n\nimport (\n\t"testing"\n\n\t"github.com/IBM/sarama"\n)\n\nfunc TestSend(t *testing.T) { _ = sarama.NewConfig() }\n';
const PLAIN = 'package kit\n\nfunc Add(a, b int) int { return a + b }\n';

describe('Go requirements in use', () => {
  it('a module only tests import proves nothing beyond testing', async () => {
    const map = await scanMemory({ 'go.mod': GO_MOD, 'kit.go': PLAIN, 'kit_test.go': SARAMA_TESTED });
    assert.strictEqual(statusOf(map, 'message-brokers'), 'missing');
    assert.strictEqual(statusOf(map, 'caching'), 'missing');
  });

  it('a module the code imports keeps its go.mod line, and the import is evidence too', async () => {
    const map = await scanMemory({ 'go.mod': GO_MOD, 'kit.go': SARAMA_USED, 'kit_test.go': SARAMA_TESTED });
    assert.strictEqual(statusOf(map, 'message-brokers'), 'practised');
    const files = map.skills.find((s) => s.id === 'message-brokers')!.evidence.map((e) => `${e.file}:${e.line}`);
    assert.ok(files.includes('go.mod:6'), files.join(' '));
    assert.ok(files.includes('kit.go:3'), files.join(' '));
    // go-redis is imported nowhere: its line is left out.
    assert.strictEqual(statusOf(map, 'caching'), 'missing');
  });

  it('an import in an example program counts as the tests do', async () => {
    const map = await scanMemory({
      'go.mod': GO_MOD,
      'kit.go': PLAIN,
      'examples/producer/main.go': SARAMA_USED.replace('package kit', 'package main'),
    });
    assert.strictEqual(statusOf(map, 'message-brokers'), 'missing');
  });

  it('without the sources read, go.mod is all there is and every requirement counts', async () => {
    const root = path.join(FIXTURES, 'go-broker-testkit');
    const scanner = new Scanner(new DiskSource(root), builtinCatalog());
    const withSources = await scanner.scan();
    const manifestsOnly = await new Scanner(new DiskSource(root), builtinCatalog()).scan({ readSources: false });
    assert.strictEqual(statusOf(withSources, 'message-brokers'), 'missing');
    assert.strictEqual(statusOf(manifestsOnly, 'message-brokers'), 'practised');
  });

  it('a Go file changed after the scan shows its module in use, and when it no longer imports it, not', async () => {
    const source = new MemorySource({ 'go.mod': GO_MOD, 'kit.go': PLAIN });
    const scanner = new Scanner(source, builtinCatalog());
    assert.strictEqual(statusOf(await scanner.scan(), 'message-brokers'), 'missing');
    source.set('kit.go', SARAMA_USED);
    assert.strictEqual(statusOf(await scanner.updateFile('kit.go'), 'message-brokers'), 'practised');
    source.set('kit.go', PLAIN);
    assert.strictEqual(statusOf(await scanner.updateFile('kit.go'), 'message-brokers'), 'missing');
  });

  it('a workspace whose only Go file arrives after the scan reads it as a Go workspace', async () => {
    const source = new MemorySource({ 'go.mod': GO_MOD });
    const scanner = new Scanner(source, builtinCatalog());
    assert.strictEqual(statusOf(await scanner.scan(), 'message-brokers'), 'practised');
    source.set('kit_test.go', SARAMA_TESTED);
    assert.strictEqual(statusOf(await scanner.updateFile('kit_test.go'), 'message-brokers'), 'missing');
  });

  it('a hover on go.mod says of a line what the map says of it', async () => {
    const source = new MemorySource({ 'go.mod': GO_MOD, 'kit.go': PLAIN, 'kit_test.go': SARAMA_TESTED });
    const scanner = new Scanner(source, builtinCatalog());
    await scanner.scan();
    const rulesAt = (line: number) =>
      scanner
        .evidenceInText('go.mod', GO_MOD)
        .filter((e) => e.line === line)
        .map((e) => e.rule);
    assert.deepStrictEqual(rulesAt(6), []);
    // What the line would have proved is given apart, for the hover to say that only tests import it.
    const { evidence, testOnly } = scanner.inText('go.mod', GO_MOD);
    assert.deepStrictEqual([...new Set(testOnly.map((e) => `${e.line} ${e.technology}`))], ['6 Apache Kafka', '7 Redis']);
    assert.ok(!testOnly.some((e) => evidence.includes(e)));
    source.set('kit.go', SARAMA_USED);
    await scanner.updateFile('kit.go');
    assert.ok(rulesAt(6).includes('message-brokers/kafka-go'), rulesAt(6).join(' '));
    assert.ok(!scanner.inText('go.mod', GO_MOD).testOnly.some((e) => e.line === 6));
  });

  it('a file with no go.mod line to check leaves the workspace unread', () => {
    const catalog = builtinCatalog();
    const use = new RequirementUse(() => catalog.rules);
    const found: Evidence[] = [
      { file: 'kit.go', line: 3, technology: 'Apache Kafka', rule: 'message-brokers/kafka-go', strength: 'strong' },
    ];
    const untouchable: Iterable<Evidence> = {
      [Symbol.iterator]: () => {
        throw new Error('the workspace was read');
      },
    };
    assert.strictEqual(use.keepUsed(found, new Set(['go']), untouchable), found);
  });
});
