import * as assert from 'node:assert';
import {
  escapeHtml,
  guidanceSections,
  isSafeLink,
  planPatch,
  renderGuidanceHtml,
  type GuidanceInput,
} from '../../../src/extension/guidance/render';
import { sampleResult, sampleSkill } from './sample';

function input(over: Partial<GuidanceInput> = {}): GuidanceInput {
  return {
    skill: sampleSkill(),
    result: sampleResult(),
    cspSource: 'https://webview.example',
    nonce: 'abc123',
    scriptUri: 'https://webview.example/media/guidance.js',
    styleUri: 'https://webview.example/media/guidance.css',
    ...over,
  };
}

describe('guidance page (renderGuidanceHtml)', () => {
  it('escapes every string that came from a file, including evidence that holds a script tag', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderGuidanceHtml(
      input({
        skill: sampleSkill({ title: `Caching ${evil}`, summary: `a & b ${evil}`, howToLearn: [`step <img src=x onerror=alert(1)>`] }),
        result: sampleResult({
          evidence: [{ file: `src/${evil}.ts`, line: 1, technology: `Redis ${evil}`, rule: `caching/"'><b>`, strength: 'strong' }],
        }),
      }),
    );
    // The only <script> element is the page's own, nonce'd and loaded from media/.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepStrictEqual(scripts, ['<script nonce="abc123" src="https://webview.example/media/guidance.js">']);
    assert.ok(!html.includes('<img'), 'no raw <img> from the catalogue');
    assert.ok(!html.includes('<b>'), 'no raw tag from a rule id');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(html.includes('a &amp; b'));
    assert.ok(html.includes('caching/&quot;&#39;&gt;&lt;b&gt;'));
  });

  it('has a strict Content Security Policy and no inline handlers', () => {
    const html = renderGuidanceHtml(input());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src https:\/\/webview\.example/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    assert.ok(!/\son[a-z]+\s*=/i.test(html), 'no onclick= and the like');
    assert.ok(!/<style\b/.test(html), 'no inline <style>');
    assert.ok(!/href="(?!#|https:\/\/webview\.example)/.test(html), 'links are handled by the extension, not followed by the page');
  });

  it('offers https links only, by index', () => {
    const html = renderGuidanceHtml(input());
    assert.ok(html.includes('<a href="#" data-link="0">Redis docs</a>'));
    assert.ok(!html.includes('data-link="1"'), 'http link is not clickable');
    assert.ok(!html.includes('data-link="2"'), 'javascript: link is not clickable');
    assert.strictEqual(isSafeLink('https://redis.io/docs/'), true);
    assert.strictEqual(isSafeLink('http://redis.io/'), false);
    assert.strictEqual(isSafeLink('javascript:alert(1)'), false);
    assert.strictEqual(isSafeLink('https://user:pw@evil.example/'), false);
  });

  it('shows summary, learning time, steps, ticked further practice and evidence', () => {
    const html = renderGuidanceHtml(input({ prerequisites: [{ title: 'Databases', practised: true }] }));
    assert.ok(html.includes('Keep hot data in memory'));
    assert.ok(html.includes('2–4 months'));
    assert.ok(html.includes('<li>Run Redis locally.</li>'));
    assert.match(html, /<li class="done">.*Cache API responses/);
    assert.match(html, /<li class="open">.*Keep sessions in a shared cache/);
    assert.ok(html.includes('1 of 2 shown in this workspace'));
    assert.ok(html.includes('data-evidence="0">package.json:12</a>'));
    assert.ok(html.includes('data-evidence="1">src/cache.ts:3</a>'));
    assert.match(html, /Learn first[\s\S]*Databases/);
  });

  it('says what a mark means and offers to clear it', () => {
    const done = renderGuidanceHtml(input({ mark: 'done' }));
    assert.ok(done.includes('Marked done by you'));
    assert.ok(done.includes('data-action="clear"'));
    assert.ok(!done.includes('data-action="done"'));
    const missing = renderGuidanceHtml(input({ result: sampleResult({ status: 'missing', evidence: [], technologies: [] }) }));
    assert.ok(missing.includes('Not shown in this workspace yet'));
    assert.ok(missing.includes('Nothing yet.'));
  });

  it('escapeHtml covers the five special characters', () => {
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('guidance page updates (guidanceSections, planPatch)', () => {
  it('wraps each section of the page in a part the page script can replace', () => {
    const sections = guidanceSections(input());
    assert.deepStrictEqual(
      sections.map((s) => s.id),
      ['header', 'howToLearn', 'practice', 'evidence', 'links'],
    );
    const html = renderGuidanceHtml(input());
    for (const s of sections) assert.ok(html.includes(`<div class="section" data-section="${s.id}">\n${s.html}\n</div>`), s.id);
    assert.match(html, /<body data-skill="caching">/);
  });

  it('sends nothing when nothing changed', () => {
    const sections = guidanceSections(input());
    assert.strictEqual(planPatch(sections, guidanceSections(input())), undefined);
  });

  it('sends only the sections that changed, with the order of all', () => {
    const before = guidanceSections(input());
    const after = guidanceSections(input({ mark: 'done' }));
    const patch = planPatch(before, after)!;
    assert.deepStrictEqual(patch.order, ['header', 'howToLearn', 'practice', 'evidence', 'links']);
    assert.deepStrictEqual(
      patch.changed.map((s) => s.id),
      ['header'],
    );
    assert.match(patch.changed[0].html, /Marked done by you/);
  });

  it('sends a section that appears, and an order without one that went', () => {
    const before = guidanceSections(input());
    const after = guidanceSections(input({ prerequisites: [{ title: 'Databases', practised: true }] }));
    const added = planPatch(before, after)!;
    assert.deepStrictEqual(added.order, ['header', 'prerequisites', 'howToLearn', 'practice', 'evidence', 'links']);
    assert.deepStrictEqual(
      added.changed.map((s) => s.id),
      ['prerequisites'],
    );
    const removed = planPatch(after, before)!;
    assert.deepStrictEqual(removed.order, ['header', 'howToLearn', 'practice', 'evidence', 'links']);
    assert.deepStrictEqual(removed.changed, []);
  });

  it('escapes what a patch carries as the page does', () => {
    const evil = '<script>alert(1)</script>';
    const patch = planPatch(guidanceSections(input()), guidanceSections(input({ reason: evil })))!;
    assert.ok(!patch.changed.some((s) => s.html.includes('<script')));
    assert.ok(patch.changed[0].html.includes('&lt;script&gt;'));
  });
});
