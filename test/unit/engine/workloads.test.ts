import * as assert from 'node:assert';
import { Combiner } from '../../../src/core/combine/combine';
import { combinationSummary } from '../../../src/core/combine/summary';
import { describeWorkload, KnownImages, UNIT_TALKS, WORKLOAD_FACT, workloadUnits } from '../../../src/core/combine/workloads';
import { hostsIn } from '../../../src/core/readers/workloads';
import { kubernetesReader } from '../../../src/core/readers/kubernetes';
import { toMarkdown, type Evidence, type WorkloadFact } from '../../../src/core';
import { builtinCatalog, scanMemory } from '../helpers';
import { rule, units } from './combineHelpers';

/** A workload (or Service) fact as the reader gives it, as the evidence combining reads. */
function fact(file: string, line: number, over: Partial<WorkloadFact>): Evidence {
  const f: WorkloadFact = { type: 'workload', kind: 'Deployment', name: '', line, images: [], labels: [], calls: [], ...over };
  return { file, line, technology: describeWorkload(f), rule: WORKLOAD_FACT, strength: 'weak' };
}

const deployment = (name: string, image: string, calls: [string, number][] = []) =>
  fact('k8s/all.yaml', calls[0] ? calls[0][1] - 5 : 1, { name, images: [image], labels: [`app=${name}`], calls });
const service = (name: string, line = 1) => fact('k8s/all.yaml', line, { kind: 'Service', name, labels: [`app=${name}`] });

const rabbit = rule('message-brokers/rabbitmq-image', { technology: 'RabbitMQ', image: { names: ['rabbitmq'] } });
const postgres = rule('databases/postgres-image', { technology: 'PostgreSQL', image: { names: ['postgres', 'bitnami/postgresql'] } });
const known = new KnownImages([rabbit, postgres]);

describe('hosts named in workload settings', () => {
  const table: [string, boolean, string[]][] = [
    ['http://carts:80/api', false, ['carts']],
    ['amqp://guest:guest@rabbitmq:5672', false, ['rabbitmq']],
    ['jdbc:postgresql://orders-db:5432/orders', false, ['orders-db']],
    ['carts:80', false, ['carts']],
    ['orders.shop.svc', false, ['orders']],
    ['orders.shop.svc.cluster.local:8080', false, ['orders']],
    ['--backend-url=http://backend:9898/echo', false, ['backend']],
    ['catalogue', true, ['catalogue']],
    ['catalogue', false, []],
    ['kafka-0:9092,kafka-1:9092', false, ['kafka-0', 'kafka-1']],
    ['https://api.example.com/v1', false, []],
    ['http://localhost:8080', false, []],
    ['127.0.0.1:6379', false, []],
    ['{{ .Values.cart.name }}:7070', false, []],
    ['/etc/prometheus/prometheus.yml', false, []],
  ];
  for (const [value, bare, hosts] of table) {
    it(`${JSON.stringify(value)}${bare ? ' (a host variable)' : ''} names ${hosts.join(', ') || 'no Service'}`, () => {
      assert.deepStrictEqual(hostsIn(value, bare), hosts);
    });
  }
});

describe('the Kubernetes reader on workloads', () => {
  it('gives each workload its name, images, pod labels and the hosts its env, args and command name, with their lines', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: orders',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: { app: orders, tier: api }',
      '    spec:',
      '      containers:',
      '        - name: orders',
      '          image: registry.example.com/acme/orders:1.0',
      '          env:',
      '            - name: CARTS_HOST',
      '              value: carts',
      '            - name: PAYMENT_URL',
      '              value: "http://payment:8080"',
      '          args: ["--db=postgres://orders-db:5432/orders"]',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: orders',
      'spec:',
      '  selector: { app: orders }',
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: nightly',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '            - name: job',
      '              image: acme/reports:1.0',
      '              command: ["report", "--api", "http://orders.shop.svc:80"]',
      '---',
      'apiVersion: example.com/v1',
      'kind: Deployment',
      'metadata:',
      '  name: not-kubernetes',
    ].join('\n');
    const facts = kubernetesReader.read('k8s/app.yaml', text).facts.filter((f): f is WorkloadFact => f.type === 'workload');
    assert.deepStrictEqual(facts, [
      {
        type: 'workload',
        kind: 'Deployment',
        name: 'orders',
        line: 2,
        images: ['acme/orders'],
        labels: ['app=orders', 'tier=api'],
        calls: [
          ['carts', 15],
          ['payment', 17],
          ['orders-db', 18],
        ],
      },
      { type: 'workload', kind: 'Service', name: 'orders', line: 21, images: [], labels: ['app=orders'], calls: [] },
      { type: 'workload', kind: 'CronJob', name: 'nightly', line: 28, images: ['acme/reports'], labels: [], calls: [['orders', 39]] },
    ]);
  });

  it('takes a Knative Service as a workload reached by its own name', () => {
    const text =
      'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n        - image: acme/hello\n';
    const [f] = kubernetesReader.read('svc.yaml', text).facts.filter((x) => x.type === 'workload');
    assert.deepStrictEqual(f, {
      type: 'workload',
      kind: 'Service',
      name: 'hello',
      line: 2,
      images: ['acme/hello'],
      labels: [],
      calls: [],
      service: true,
    });
  });
});

describe('workload units', () => {
  it('are own images under a namespace two of them share, and talk when one names the other’s Service (both ends)', () => {
    const evidence = [deployment('web', 'acme/web', [['orders', 10]]), deployment('orders', 'acme/orders'), service('orders', 30)];
    const found = workloadUnits(evidence, units([]), known)!;
    assert.deepStrictEqual([...found.facts.keys()], ['\0web', '\0orders']);
    const talk = { file: 'k8s/all.yaml', line: 10, technology: '', rule: UNIT_TALKS, strength: 'strong' };
    assert.deepStrictEqual(found.facts.get('\0web'), [talk]);
    assert.deepStrictEqual(found.facts.get('\0orders'), [talk]);
    assert.deepStrictEqual(
      [...found.openings.values()].map((o) => o.via),
      ['web', 'orders'],
    );
  });

  it('leave out one image alone in its namespace, images the catalogue names, and vendors’ namespaces', () => {
    const alone = [deployment('web', 'acme/web', [['api', 10]]), deployment('api', 'other/api')];
    assert.strictEqual(workloadUnits(alone, units([]), known), undefined);
    const products = [deployment('web', 'acme/postgres', [['mq', 10]]), deployment('mq', 'acme/rabbitmq')];
    assert.strictEqual(workloadUnits(products, units([]), known), undefined, 'named by their last segment');
    const monitoring = [
      deployment('prometheus', 'prom/prometheus', [['alertmanager', 10]]),
      deployment('alertmanager', 'prom/alertmanager'),
    ];
    assert.strictEqual(workloadUnits(monitoring, units([]), known), undefined);
    const bitnami = [deployment('a', 'bitnami/kubectl', [['b', 10]]), deployment('b', 'bitnami/os-shell')];
    assert.strictEqual(
      workloadUnits(bitnami, units([]), new KnownImages([postgres])),
      undefined,
      'a namespace the catalogue names images under',
    );
  });

  it('are the Dockerfile folder an image is built from, and one unit however many workloads run the image', () => {
    const layout = units(['src/frontend/Dockerfile', 'src/cartservice/src/Dockerfile', 'tools/Dockerfile.loadgen']);
    const evidence = [
      deployment('frontend', 'frontend', [['cartservice', 10]]),
      deployment('cartservice', 'gcr.io/demo/cartservice'),
      deployment('loadgenerator', 'loadgen', [['frontend', 40]]),
      deployment('frontend-canary', 'frontend'),
    ];
    const found = workloadUnits(evidence, layout, known)!;
    assert.deepStrictEqual([...found.facts.keys()].sort(), ['src/cartservice/src', 'src/frontend', 'tools']);
    assert.strictEqual(found.openings.size, 0, 'a folder unit opens with its Dockerfile');
  });

  it('give a unit that names a broker’s Service the broker image rule’s evidence at that line', () => {
    const evidence = [
      deployment('orders', 'acme/orders', [['rabbitmq', 10]]),
      deployment('billing', 'acme/billing'),
      deployment('rabbitmq', 'rabbitmq'),
    ];
    const found = workloadUnits(evidence, units([]), known)!;
    assert.deepStrictEqual(found.facts.get('\0orders'), [
      { file: 'k8s/all.yaml', line: 10, technology: 'RabbitMQ', rule: rabbit.id, strength: 'strong' },
    ]);
    assert.deepStrictEqual(found.facts.get('\0billing'), []);
  });

  it('resolve a host through a Service’s selector, and ignore workloads under example folders', () => {
    const evidence = [
      deployment('web', 'acme/web', [['api-svc', 10]]),
      fact('k8s/all.yaml', 20, { name: 'api', images: ['acme/api'], labels: ['app=api', 'tier=backend'] }),
      fact('k8s/all.yaml', 30, { kind: 'Service', name: 'api-svc', labels: ['app=api'] }),
      fact('examples/demo.yaml', 5, { name: 'demo', images: ['acme/demo'], calls: [['web', 9]] }),
    ];
    const found = workloadUnits(evidence, units([]), known)!;
    assert.deepStrictEqual([...found.facts.keys()], ['\0web', '\0api']);
    assert.strictEqual(found.facts.get('\0api')!.length, 1);
  });
});

describe('combining over workload units', () => {
  const combo = rule('microservices/services', { technology: 'Services', combine: { units: 3, anyOf: [{ talksToUnit: true }] } });

  it('counts units that talk, names them by their workloads, and keeps the line of each call', () => {
    const evidence = [
      deployment('web', 'acme/web', [['orders', 10]]),
      deployment('orders', 'acme/orders', [['carts', 20]]),
      deployment('carts', 'acme/carts'),
      deployment('reports', 'acme/reports'),
    ];
    const out = new Combiner([rabbit, combo]).evidence(evidence, units([]));
    assert.strictEqual(combinationSummary(combo, out), '3 services: carts, orders, web');
    assert.deepStrictEqual(
      out.map((e) => `${e.line}${e.via ? ` ${e.via}` : ''}`),
      // Each unit opens with its first workload, then its first call; a call both ends share is listed once.
      ['5 web', '10', '15 orders', '1 carts', '20'],
    );
    assert.deepStrictEqual(new Combiner([rabbit, combo]).evidence(evidence.slice(0, 2), units([])), [], 'two units are not three');
  });

  it('is an error on a talksToUnit selector without units', async () => {
    const { loadCatalog } = await import('../../../src/core');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsm-talks-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(
      file,
      'rules:\n  - id: microservices/talk\n    technology: T\n    strength: strong\n    combine: { anyOf: [{ talksToUnit: true }] }\n    examples: { positive: [{a: b}], negative: [{a: b}] }\n',
    );
    const { problems } = loadCatalog(path.resolve(__dirname, '../../../../skills'), [file]);
    assert.ok(
      problems.some((p) => /talksToUnit selector stands alone, in a rule with units/.test(p)),
      problems.join('\n'),
    );
    fs.writeFileSync(
      file,
      'rules:\n  - id: microservices/shipped\n    technology: T\n    strength: strong\n    combine: { allOf: [{ deployedUnit: true, skill: web-frameworks }] }\n    examples: { positive: [{a: b}], negative: [{a: b}] }\n',
    );
    const again = loadCatalog(path.resolve(__dirname, '../../../../skills'), [file]).problems;
    assert.ok(
      again.some((p) => /deployedUnit selector stands alone, in a rule with units/.test(p)),
      again.join('\n'),
    );
  });

  it('counts a unit of workloads as deployed on its own', () => {
    const shipped = rule('microservices/shipped', {
      combine: { units: 2, allOf: [{ deployedUnit: true }], anyOf: [{ talksToUnit: true }] },
    });
    const evidence = [deployment('web', 'acme/web', [['orders', 10]]), deployment('orders', 'acme/orders')];
    const out = new Combiner([rabbit, shipped]).evidence(evidence, units([]));
    assert.strictEqual(combinationSummary(shipped, out), '2 services: orders, web');
  });

  it('a scan of manifests alone shows microservices practised, and the workload facts in no skill', async () => {
    const dep = (name: string, image: string, env = '') =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    metadata:\n      labels: { app: ${name} }\n    spec:\n      containers:\n        - name: ${name}\n          image: ${image}\n${env}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name} }\n`;
    const map = await scanMemory(
      {
        'k8s/web.yaml': dep('web', 'acme/web:1', '          env:\n            - name: ORDERS_URL\n              value: http://orders:80\n'),
        'k8s/orders.yaml': dep('orders', 'acme/orders:1', '          args: ["--carts=carts:80"]\n'),
        'k8s/carts.yaml': dep('carts', 'acme/carts:1'),
      },
      builtinCatalog(),
    );
    const micro = map.skills.find((s) => s.id === 'microservices')!;
    assert.strictEqual(micro.reason, 'Practised: Separately deployed services, 3 services: carts, orders, web.');
    assert.ok(map.skills.every((s) => s.evidence.every((e) => !e.rule.startsWith('unit:'))));
  });
});

describe('workload units from Helm charts', () => {
  /** A chart's Deployment and Service of one service, as a template that is not YAML as written. */
  const template = (key: string, image: string, env = '') =>
    [
      `{{- if .Values.${key}.enabled }}`,
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: {{ .Values.${key}.name }}`,
      '  labels:',
      '    {{- include "chart.labels" . | nindent 4 }}',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: {{ .Values.${key}.name }}`,
      '    spec:',
      '      containers:',
      `        - name: ${key}`,
      `          image: ${image}`,
      ...(env ? ['          env:', ...env.split('\n')] : []),
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: {{ .Values.${key}.name }}`,
      'spec:',
      '  selector:',
      `    app: {{ .Values.${key}.name }}`,
      '{{- end }}',
      '',
    ].join('\n');
  const own = (key: string) =>
    `"{{ .Values.image.registry }}/{{ .Values.${key}.name }}:{{ .Values.image.tag | default .Chart.AppVersion }}"`;
  const values = (registry: string) =>
    [
      'image:',
      `  registry: ${registry}`,
      '  tag: ""',
      ...['web', 'orders', 'carts'].flatMap((k) => [`${k}:`, '  enabled: true', `  name: ${k}`]),
      '',
    ].join('\n');
  const env = (name: string, value: string) => `            - name: ${name}\n              value: ${value}`;
  const chart = (registry: string, images: Record<string, string> = {}) => ({
    'deploy/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
    'deploy/shop/values.yaml': values(registry),
    'deploy/shop/templates/web.yaml': template('web', images.web ?? own('web'), env('ORDERS_URL', 'http://{{ .Values.orders.name }}:80')),
    'deploy/shop/templates/orders.yaml': template(
      'orders',
      images.orders ?? own('orders'),
      env('CARTS_HOST', '{{ .Values.carts.name | quote }}'),
    ),
    'deploy/shop/templates/carts.yaml': template('carts', images.carts ?? own('carts')),
  });
  const microservices = async (files: Record<string, string>, markdown?: (md: string) => void) => {
    const map = await scanMemory(files, builtinCatalog());
    markdown?.(toMarkdown(map, builtinCatalog()));
    assert.ok(
      map.skills.every((s) => s.evidence.every((e) => !e.rule.startsWith('unit:'))),
      'unit facts stay out of the map',
    );
    return map.skills.find((s) => s.id === 'microservices')!;
  };

  it('are the chart’s own images, named by its values.yaml, that name each other’s Services', async () => {
    let md = '';
    const micro = await microservices(chart('ghcr.io/acme'), (text) => (md = text));
    assert.strictEqual(micro.reason, 'Practised: Separately deployed services, 3 services: carts, orders, web.');
    assert.ok(micro.evidence.some((e) => e.file === 'deploy/shop/templates/orders.yaml' && e.via === 'orders'));
    // The résumé names the services as the tree does, not as what the technology was found through.
    assert.match(md, /^- Separately deployed services \(3 services: carts, orders, web\): `deploy\/shop\/templates\/carts\.yaml:3`/m);
    assert.doesNotMatch(md, /via (carts|orders|web)/);
  });

  it('are not a chart of public images, however its templates name each other', async () => {
    const images = {
      web: '"{{ .Values.image.registry }}/nginx:1.27"',
      orders: '"{{ .Values.image.registry }}/postgresql:16"',
      carts: '"{{ .Values.image.registry }}/redis:7"',
    };
    assert.strictEqual((await microservices(chart('docker.io/bitnami', images))).status, 'missing');
  });

  it('are not one image run by several workloads', async () => {
    const one = '"{{ .Values.image.registry }}/shop:{{ .Values.image.tag }}"';
    assert.strictEqual((await microservices(chart('ghcr.io/acme', { web: one, orders: one, carts: one }))).status, 'missing');
  });

  it('are not images a helper computes, nor values of another chart', async () => {
    const helper = '{{ include "shop.image" (dict "name" "x" "root" .) }}';
    assert.strictEqual((await microservices(chart('ghcr.io/acme', { web: helper, orders: helper, carts: helper }))).status, 'missing');
    const files: Record<string, string> = chart('ghcr.io/acme');
    files['deploy/other/values.yaml'] = files['deploy/shop/values.yaml'];
    delete files['deploy/shop/values.yaml'];
    assert.strictEqual((await microservices(files)).status, 'missing');
  });

  it('fill in chart values for the template’s own chart, and drop an image’s unknown tag', () => {
    const evidence: Evidence[] = [
      {
        file: 'deploy/shop/values.yaml',
        line: 1,
        technology: JSON.stringify([
          ['registry', 'ghcr.io/acme'],
          ['web.name', 'web'],
          ['api.name', 'api'],
        ]),
        rule: 'unit:helm-values',
        strength: 'weak',
      },
      fact('deploy/shop/templates/web.yaml', 3, {
        name: '{{.Values.web.name}}',
        images: ['{{.Values.registry}}/web:{{?}}'],
        labels: ['app={{.Values.web.name}}'],
        templated: [['http://{{.Values.api.name}}:80', 20, false]],
      }),
      fact('deploy/shop/templates/api.yaml', 3, { name: '{{.Values.api.name}}', images: ['{{.Values.registry}}/api@{{?}}'] }),
      fact('deploy/other/templates/x.yaml', 3, { name: '{{.Values.web.name}}', images: ['{{.Values.registry}}/x'] }),
    ];
    const found = workloadUnits(evidence, units([]), known)!;
    assert.deepStrictEqual([...found.facts.keys()], ['\0web', '\0api']);
    assert.deepStrictEqual(
      [...found.openings.values()].map((o) => `${o.file} ${o.via}`),
      ['deploy/shop/templates/web.yaml web', 'deploy/shop/templates/api.yaml api'],
    );
    assert.strictEqual(found.facts.get('\0web')![0].line, 20);
  });
});
