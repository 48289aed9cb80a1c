import * as assert from 'node:assert';
import { renderTimelineHtml } from '../../../src/extension/profile/timelineHtml';
import type { Timeline } from '../../../src/extension/profile/combine';

const page = (timeline: Timeline) =>
  renderTimelineHtml({ timeline, cspSource: 'vscode-resource:', styleUri: 'vscode-resource:/timeline.css' });

describe('timeline page', () => {
  const t: Timeline = {
    from: '2025-01-01',
    to: '2026-01-01',
    rows: [
      {
        id: 'databases',
        title: 'Databases',
        status: 'practised',
        started: '2025-01-01',
        practised: '2025-07-02',
        projects: ['orders-api'],
      },
      { id: 'x', title: '<img src=x onerror=alert(1)>', status: 'started', started: '2025-10-01', projects: ['<b>shop</b>'] },
    ],
  };

  it('says whose lines show a skill in each project, where git could tell', () => {
    const html = page({
      ...t,
      rows: [{ ...t.rows[0], projects: ['orders-api', 'shop', 'docs'], whose: { 'orders-api': 'yours', shop: 'project' } }],
    });
    assert.match(html, /<td>orders-api \(yours\), shop \(the project&#39;s\), docs<\/td><\/tr>/);
  });

  it('lists every skill in a table with its dates and projects', () => {
    const html = page(t);
    const rows = [
      ...html.matchAll(/<tr data-skill="([^"]+)"><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g),
    ];
    assert.deepStrictEqual(
      rows.map((m) => m.slice(1)),
      [
        ['databases', 'Databases', 'practised', '2025-01-01', '2025-07-02'],
        ['x', '&lt;img src=x onerror=alert(1)&gt;', 'started', '2025-10-01', '—'],
      ],
    );
  });

  it('hides the chart from screen readers and draws started and practised marks apart', () => {
    const html = page(t);
    assert.match(html, /<svg class="chart"[^>]*aria-hidden="true"/);
    assert.strictEqual([...html.matchAll(/class="mark started"/g)].length, 2);
    assert.strictEqual([...html.matchAll(/class="mark practised"/g)].length, 1);
    // Half way through the year: the practised mark sits near the middle of the chart's width.
    const cx = Number(/class="mark practised" cx="([\d.]+)"/.exec(html)![1]);
    assert.ok(cx > 310 + 620 * 0.45 && cx < 310 + 620 * 0.55, String(cx));
  });

  it('loads no script, escapes every name, and allows only its style sheet', () => {
    const html = page(t);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /<img|<b>/);
    assert.match(html, /content="default-src &#39;none&#39;; style-src vscode-resource:"/);
  });

  it('says how to add a project when the profile is empty', () => {
    assert.match(page({ from: '2026-01-01', to: '2026-01-01', rows: [] }), /No project in your profile yet/);
  });
});
