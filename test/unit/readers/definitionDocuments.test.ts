import * as assert from 'node:assert';
import fc from 'fast-check';
import type { Fact } from '../../../src/core/types';
import { kubernetesReader } from '../../../src/core/readers/kubernetes';
import { setAsideDefinitions } from '../../../src/core/readers/formats/definitionDocuments';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: orders',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: orders',
  '          image: ghcr.io/acme/orders:1.4',
];
const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: orders', 'spec:', '  ports:', '    - port: 80'];
/** A definition whose schema has an `image` property, a nested `---`-looking description and comments. */
const DEFINITION = [
  '# the operator’s own resource',
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata:',
  '  name: stacks.example.com',
  'spec:',
  '  group: example.com',
  '  versions:',
  '    - name: v1',
  '      schema:',
  '        openAPIV3Schema:',
  '          properties:',
  '            image:',
  '              type: string',
  '              description: |',
  '                The image to run, for example ghcr.io/acme/stack:1.0',
  '                --- not a marker: indented',
  '            repository:',
  '              type: string',
];
const QUOTED = ['apiVersion: "apiextensions.k8s.io/v1" # served', "kind: 'CustomResourceDefinition'", 'spec: {}'];
/** Not plain: parsed as before. */
const FLOW = ['{apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition, spec: {}}'];
const ANCHORED = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'spec: &s {}', '- not a map'];

/** The reader's facts with definitions parsed the old way: the kind renamed so that none is set aside, then named back. */
function parsedFacts(path: string, text: string): Fact[] {
  const facts = kubernetesReader.read(path, text.replaceAll('CustomResourceDefinition', 'CustomResourceDefinitioX')).facts;
  return facts.map((f) => (f.type === 'kind' && f.kind === 'CustomResourceDefinitioX' ? { ...f, kind: 'CustomResourceDefinition' } : f));
}

describe('definition documents (CRDs) named from their lines', () => {
  it('gives the same facts, in the same order, as parsing them, between other objects', () => {
    const text = ['---', ...DEPLOYMENT, '---', ...DEFINITION, '---', ...SERVICE, ''].join('\n');
    const facts = kubernetesReader.read('deploy/all.yaml', text).facts;
    assert.deepStrictEqual(facts, parsedFacts('deploy/all.yaml', text));
    const kinds = facts.filter((f) => f.type === 'kind').map((f) => `${f.kind}@${f.line}`);
    assert.deepStrictEqual(kinds, ['Deployment@3', 'CustomResourceDefinition@16', 'Service@35']);
    assert.ok(facts.some((f) => f.type === 'image' && f.name === 'acme/orders'));
  });

  it('blanks only plain definitions, keeping every line number', () => {
    const text = [...DEFINITION, '---', ...DEPLOYMENT, '---', ...QUOTED, '---', ...FLOW].join('\n');
    const aside = setAsideDefinitions(text)!;
    assert.strictEqual(aside.text.split('\n').length, text.split('\n').length);
    assert.deepStrictEqual(
      aside.definitions.map((d) => [d.fact.apiVersion, d.fact.line, d.startLine]),
      [
        ['apiextensions.k8s.io/v1', 3, 2],
        ['apiextensions.k8s.io/v1', 34, 33],
      ],
    );
    assert.ok(aside.text.includes('kind: Deployment') && aside.text.includes('{apiVersion: apiextensions.k8s.io/v1'));
    assert.ok(!aside.text.includes('openAPIV3Schema'));
  });

  it('sets nothing aside in a file with directives, document ends, content on a marker, or no definition', () => {
    for (const text of [
      ['%YAML 1.2', '---', ...DEFINITION].join('\n'),
      [...DEFINITION, '...', '---', ...SERVICE].join('\n'),
      ['--- !tagged', ...DEFINITION].join('\n'),
      [...DEPLOYMENT, '---', ...SERVICE].join('\n'),
      [...ANCHORED].join('\n'),
    ])
      assert.strictEqual(setAsideDefinitions(text), undefined, text.slice(0, 40));
  });

  it('any mix of documents reads as it would parsed', () => {
    const docs = fc.constantFrom(DEPLOYMENT, SERVICE, DEFINITION, QUOTED, FLOW, ANCHORED, ['# only a comment'], []);
    fc.assert(
      fc.property(fc.array(docs, { minLength: 1, maxLength: 7 }), fc.boolean(), fc.boolean(), (list, leading, crlf) => {
        let text = (leading ? '---\n' : '') + list.map((d) => d.join('\n')).join('\n---\n') + '\n';
        if (crlf) text = text.replaceAll('\n', '\r\n');
        assert.deepStrictEqual(kubernetesReader.read('k8s/mixed.yaml', text), {
          ...kubernetesReader.read('k8s/mixed.yaml', text),
          facts: parsedFacts('k8s/mixed.yaml', text),
        });
      }),
      { numRuns: 400 },
    );
  });
});
