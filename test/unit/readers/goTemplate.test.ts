import * as assert from 'node:assert';
import { canonicalAction, maskGoTemplate, onlyValues, resolveValues, UNKNOWN } from '../../../src/core/readers/formats/goTemplate';
import { kubernetesReader } from '../../../src/core/readers/kubernetes';
import type { WorkloadFact } from '../../../src/core';

/** The masked template's lines, with each action's word turned back into its canonical form. */
function masked(lines: string[]): string[] {
  const m = maskGoTemplate(lines.join('\n'));
  return m.text.split('\n').map(m.unmask);
}

describe('Go template actions in canonical form', () => {
  const table: [string, string][] = [
    [' .Values.image.repository ', '{{.Values.image.repository}}'],
    ['- $.Values.cart.name | quote -', '{{.Values.cart.name}}'],
    [' .Values.image.tag | default "latest" ', '{{.Values.image.tag|default "latest"}}'],
    [' default "carts" .Values.cart.name ', '{{.Values.cart.name|default "carts"}}'],
    [' .Values.port | toString | trim ', '{{.Values.port}}'],
    [' .Values.image.tag | default .Chart.AppVersion ', UNKNOWN],
    [' include "x.fullname" . ', UNKNOWN],
    [' .Release.Name ', UNKNOWN],
    [' .name ', UNKNOWN],
    [' .Values.name | upper ', UNKNOWN],
    [' "literal" ', 'literal'],
    ['- if .Values.enabled ', UNKNOWN],
    ['- include "x.labels" . | nindent 4 ', ''],
    ['/* a comment */', ''],
    ['- /* a comment */ -', ''],
    [' .Values.x | default "a\\"b" ', UNKNOWN],
    [' printf "%s" "unclosed ', UNKNOWN],
  ];
  for (const [action, form] of table) {
    it(`{{${action}}} is ${JSON.stringify(form)}`, () => assert.strictEqual(canonicalAction(action), form));
  }
});

describe('masking a Go template', () => {
  it('leaves text without actions alone', () => {
    const m = maskGoTemplate('a: 1\nb: 2\n');
    assert.strictEqual(m.text, 'a: 1\nb: 2\n');
    assert.strictEqual(m.templated, false);
  });

  it('blanks lines of actions only, keeps every line, and turns inline actions into words that unmask', () => {
    const lines = [
      '{{- if .Values.enabled }}', //                                       1
      'metadata:', //                                                       2
      '  name: {{ include "x.fullname" . }}', //                            3
      '  labels:', //                                                       4
      '    {{- include "x.labels" . | nindent 4 }}', //                     5
      '  annotations: {{- toYaml .Values.ann | nindent 4 }}', //             6
      '    image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"', // 7
      '    url: http://{{ .Values.api.name }}:80 {{/* the API */}}', //      8
      '{{- end }}', //                                                      9
    ];
    const out = masked(lines);
    assert.strictEqual(out.length, lines.length);
    assert.deepStrictEqual(out, [
      '',
      'metadata:',
      '  name: {{?}}',
      '  labels:',
      '',
      '  annotations: ',
      '    image: "{{.Values.image.repository}}:{{.Values.image.tag}}"',
      '    url: http://{{.Values.api.name}}:80 ',
      '',
    ]);
  });

  it('keeps the line count across a comment or an action over several lines', () => {
    const lines = ['{{/*', 'kind: Secret', '*/}}', 'a: {{ include "x" (dict', '  "k" .) }} b', 'c: 1'];
    const out = masked(lines);
    assert.strictEqual(out.length, lines.length);
    assert.deepStrictEqual(out, ['', '', '', 'a: {{?}} b', '', 'c: 1']);
  });

  it('does not close an action on a `}}` inside one of its strings', () => {
    assert.deepStrictEqual(masked(['a: {{ printf "}}" }} b']), ['a: {{?}} b']);
  });

  it('masks the rest of the line after an unbalanced `{{`, and the rest of the file after a comment that never closes', () => {
    assert.deepStrictEqual(masked(['a: {{ .Values.x', 'b: 2', 'c: 3']), ['a: ', 'b: 2', 'c: 3']);
    assert.deepStrictEqual(masked(['a: 1', 'b: {{/* open', 'c: 3']), ['a: 1', 'b: ', '']);
  });

  it('stays linear on hostile input: a huge line of `{{`, unclosed actions on every line, nested braces', () => {
    for (const text of [
      '{{'.repeat(1_500_000),
      'a: {{ x\n'.repeat(200_000),
      `${'{{'.repeat(50_000)}${'}}'.repeat(50_000)}`,
      '{{/* */}}\n'.repeat(200_000),
      'a: 1\n{{/*\n'.repeat(100_000),
      `key: "${'{{ "'.repeat(100_000)}"`,
    ]) {
      const start = Date.now();
      const m = maskGoTemplate(text);
      assert.ok(Date.now() - start < 2000, `${Date.now() - start} ms`);
      assert.strictEqual(m.text.split('\n').length, text.split('\n').length);
    }
  });
});

describe('chart values filled into a template', () => {
  const values = new Map([
    ['image.repository', 'ghcr.io/acme/carts'],
    ['image.tag', ''],
    ['cart.name', 'carts'],
  ]);
  it('fills in values, a literal default for an empty or absent one, and gives up on anything unknown', () => {
    assert.strictEqual(resolveValues('{{.Values.image.repository}}:{{.Values.image.tag}}', values), 'ghcr.io/acme/carts:');
    assert.strictEqual(resolveValues('{{.Values.image.tag|default "1.0"}}', values), '1.0');
    assert.strictEqual(resolveValues('{{.Values.missing|default "x"}}', values), 'x');
    assert.strictEqual(resolveValues('http://{{.Values.cart.name}}:80', values), 'http://carts:80');
    assert.strictEqual(resolveValues('{{.Values.missing}}', values), undefined);
    assert.strictEqual(resolveValues('{{.Values.cart.name}}-{{?}}', values), undefined);
    assert.strictEqual(resolveValues('{{.Values.cart.name}}', undefined), undefined);
    assert.strictEqual(resolveValues('plain', undefined), 'plain');
    assert.ok(onlyValues('{{.Values.a}}/{{.Values.b|default "c"}}'));
    assert.ok(!onlyValues('{{.Values.a}}/{{?}}'));
  });
});

describe('the Kubernetes reader on a Helm template', () => {
  const workloads = (path: string, lines: string[]) => {
    const r = kubernetesReader.read(path, lines.join('\n'));
    return { facts: r.facts.filter((f): f is WorkloadFact => f.type === 'workload'), all: r.facts, skipped: r.skipped };
  };

  it('reads its workloads as they would render, keeping chart values in canonical form', () => {
    const { facts, skipped } = workloads('deploy/shop/templates/orders.yaml', [
      '{{- if .Values.orders.enabled }}', //                                        1
      'apiVersion: {{ include "shop.deployment.apiVersion" . }}', //                2
      'kind: Deployment', //                                                        3
      'metadata:', //                                                               4
      '  name: {{ .Values.orders.name }}', //                                       5
      '  labels: {{- include "shop.labels" . | nindent 4 }}', //                    6
      'spec:', //                                                                   7
      '  template:', //                                                             8
      '    metadata:', //                                                           9
      '      labels:', //                                                           10
      '        app: {{ .Values.orders.name }}', //                                  11
      '        {{- include "shop.selectorLabels" . | nindent 8 }}', //              12
      '    spec:', //                                                               13
      '      containers:', //                                                       14
      '        - name: orders', //                                                  15
      '          image: "{{ .Values.registry }}/orders:{{ .Chart.AppVersion }}"', // 16
      '          env:', //                                                          17
      '            - name: CARTS_URL', //                                           18
      '              value: http://{{ .Values.carts.name }}:80', //                 19
      '            - name: BROKER', //                                              20
      '              value: "amqp://{{ .Release.Name }}-rabbitmq:5672"', //         21
      '            {{- range $k, $v := .Values.env }}', //                          22
      '            - name: {{ $k }}', //                                            23
      '              value: {{ $v | quote }}', //                                   24
      '            {{- end }}', //                                                  25
      '{{- end }}', //                                                              26
    ]);
    assert.strictEqual(skipped, undefined);
    assert.deepStrictEqual(facts, [
      {
        type: 'workload',
        kind: 'Deployment',
        name: '{{.Values.orders.name}}',
        line: 3,
        images: ['{{.Values.registry}}/orders:{{?}}'],
        labels: ['app={{.Values.orders.name}}'],
        calls: [],
        templated: [['http://{{.Values.carts.name}}:80', 19, true]],
      },
    ]);
  });

  it('keeps the line scan’s kinds and images, and says why when a template still does not parse once masked', () => {
    const r = workloads('chart/templates/broken.yaml', [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - image: postgres:16',
      '          args: [ {{ .Values.args }}',
      '  : : :',
    ]);
    assert.deepStrictEqual(
      r.all.filter((f) => f.type !== 'workload').map((f) => f.type),
      ['kind', 'image'],
    );
    assert.match(r.skipped ?? '', /^workloads not read past a template that does not render as YAML: invalid YAML at line \d+/);
    // A template of no workload or Service kind is left to the line scan: it is not parsed at all.
    const crd = workloads('chart/templates/crds.yaml', [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      '  : : : {{ x }}',
    ]);
    assert.deepStrictEqual(
      crd.all.map((f) => f.type),
      ['kind'],
    );
    assert.strictEqual(crd.skipped, undefined);
  });

  it('never throws or hangs on a hostile template: unbalanced `{{`, a huge line, binary junk', () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(1 + ((i * 7919) % 0xfffe))).join('');
    for (const text of [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.x\nspec: {{{{{{\n',
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${'{{ a '.repeat(600_000)}\n`,
      `apiVersion: apps/v1\nkind: Deployment\n${junk}\n{{ ${junk} }}\n`,
      `apiVersion: apps/v1\nkind: Deployment\n${'{{- if .Values.a }}\n'.repeat(50_000)}`,
      'apiVersion: apps/v1\nkind: Deployment\nspec: \u0000\u0001{{\u0000}}\n',
    ]) {
      const start = Date.now();
      const r = kubernetesReader.read('chart/templates/x.yaml', text);
      assert.ok(Date.now() - start < 3000, `${Date.now() - start} ms`);
      assert.ok(Array.isArray(r.facts));
      if (r.skipped !== undefined) assert.ok(r.skipped.length > 10, r.skipped);
    }
  });

  it('reads a chart’s values.yaml as values by dotted path, scalars only', () => {
    const r = kubernetesReader.read(
      'deploy/shop/values.yaml',
      [
        'registry: ghcr.io/acme',
        'orders:',
        '  name: orders',
        '  replicas: 2',
        '  enabled: true',
        '  hosts: [a, b]',
        '  "odd-key": x',
        '  notes: |',
        '    two',
        '    lines',
      ].join('\n'),
    );
    assert.deepStrictEqual(r.facts, [
      {
        type: 'chartValues',
        line: 1,
        values: [
          ['registry', 'ghcr.io/acme'],
          ['orders.name', 'orders'],
          ['orders.replicas', '2'],
          ['orders.enabled', 'true'],
        ],
      },
    ]);
    assert.deepStrictEqual(kubernetesReader.read('deploy/shop/values.yaml', 'a: [b\n'), { facts: [] }, 'a broken one is no one’s concern');
    assert.deepStrictEqual(kubernetesReader.read('deploy/shop/values-prod.yaml', 'a: b\n'), { facts: [] }, 'an override file is not read');
  });
});
