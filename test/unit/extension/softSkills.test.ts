import * as assert from 'node:assert';
import { buildTree, findNode, type TreeNode } from '../../../src/extension/tree/model';
import { renderSoftGuidanceHtml, softGuidanceSections } from '../../../src/extension/guidance/softRender';
import { planPatch } from '../../../src/extension/guidance/render';
import { sampleCatalog, sampleMap, sampleSoftSkill } from './sample';

const labels = (nodes: readonly TreeNode[]) => nodes.map((n) => n.label);

describe('soft skills in the tree model', () => {
  const base = {
    map: sampleMap(),
    catalog: sampleCatalog(),
    marks: new Map(),
    filter: 'all' as const,
    tiers: ['core', 'advanced', 'soft'] as const,
    multiRoot: false,
  };

  it('come in their own group after Core and Advanced, and count in no tier', () => {
    const roots = buildTree(base);
    assert.deepStrictEqual(labels(roots), ['Core', 'Advanced', 'Soft skills']);
    assert.strictEqual(roots[0].description, '1 of 2 practised');
    assert.strictEqual(roots[1].description, '1 of 1 practised');
    assert.strictEqual(roots[2].kind, 'softGroup');
    assert.strictEqual(roots[2].description, '0 of 2 marked done');
    assert.deepStrictEqual(labels(roots[2].children), ['Attention to detail', 'Teamwork']);
  });

  it('is hidden when the tiers setting leaves "soft" out, and shown alone when it names only "soft"', () => {
    assert.deepStrictEqual(labels(buildTree({ ...base, tiers: ['core', 'advanced'] })), ['Core', 'Advanced']);
    assert.deepStrictEqual(labels(buildTree({ ...base, tiers: ['soft'] })), ['Soft skills']);
  });

  it('never shows a soft skill as missing: signals are hints, the rest is "not detectable from code"', () => {
    const roots = buildTree(base);
    const detail = findNode(roots, 'soft:attention-to-detail')!;
    assert.strictEqual(detail.description, 'signals: Linter');
    assert.strictEqual(detail.contextValue, 'softSkill.unmarked');
    assert.deepStrictEqual(detail.icon, { id: 'lightbulb' });
    assert.deepStrictEqual(labels(detail.children), ['Linter', 'How to practise']);
    const linter = detail.children[0];
    assert.strictEqual(linter.description, 'signal, 1 place');
    assert.deepStrictEqual(labels(linter.children), ['eslint.config.mjs:1']);
    assert.strictEqual(linter.children[0].description, 'signal');
    const teamwork = findNode(roots, 'soft:teamwork')!;
    assert.strictEqual(teamwork.description, 'not detectable from code');
    assert.doesNotMatch(JSON.stringify(labels(roots[2].children)) + teamwork.description + teamwork.tooltip, /missing|not shown yet/);
    const learn = teamwork.children.find((c) => c.label === 'How to practise')!;
    assert.strictEqual(learn.kind, 'howToLearn');
  });

  it('shows a mark done, which changes no technical tier', () => {
    const roots = buildTree({ ...base, marks: new Map([['teamwork', 'done' as const]]) });
    const teamwork = findNode(roots, 'soft:teamwork')!;
    assert.strictEqual(teamwork.description, '(marked done)');
    assert.strictEqual(teamwork.contextValue, 'softSkill.done');
    assert.deepStrictEqual(teamwork.icon, { id: 'verified', color: 'charts.blue' });
    assert.strictEqual(roots[2].description, '1 of 2 marked done');
    assert.strictEqual(roots[0].description, '1 of 2 practised');
  });

  it('follows the filter: practised keeps those marked done, not practised keeps the rest', () => {
    const marks = new Map([['teamwork', 'done' as const]]);
    const practised = buildTree({ ...base, marks, filter: 'practised' });
    assert.deepStrictEqual(labels(practised[2].children), ['Teamwork']);
    const open = buildTree({ ...base, marks, filter: 'missing' });
    assert.deepStrictEqual(labels(open[2].children), ['Attention to detail']);
  });
});

describe('soft skill guidance page (renderSoftGuidanceHtml)', () => {
  const page = (over = {}) =>
    renderSoftGuidanceHtml({
      skill: sampleSoftSkill(),
      signals: sampleMap().softSkills[0].signals,
      cspSource: 'https://webview.example',
      nonce: 'abc123',
      scriptUri: 'https://webview.example/media/guidance.js',
      styleUri: 'https://webview.example/media/guidance.css',
      ...over,
    });

  it('has the summary, how to practise, signals as hints and links, with no status or learning time', () => {
    const html = page();
    assert.match(html, /<p class="tier">Soft skill<\/p>/);
    assert.match(html, /No code proves a soft skill/);
    assert.match(html, /<h2>How to practise<\/h2>\s*<ol><li>Read your own diff\.<\/li>/);
    assert.match(html, /Signals in this workspace <span class="muted">hints, not proof<\/span>/);
    assert.match(html, /data-evidence="0">eslint\.config\.mjs:1</);
    assert.match(html, /data-link="0">ESLint</);
    assert.match(html, /data-action="done"/);
    assert.doesNotMatch(html, /Learning time|Further practice|data-action="skipped"|Not shown/);
  });

  it('says when it is marked done, and escapes what came from files', () => {
    const evil = '<script>alert(1)</script>';
    const html = page({
      mark: 'done',
      skill: sampleSoftSkill({ title: `T ${evil}` }),
      signals: [{ file: `${evil}.md`, line: 1, technology: evil, rule: 'x/y', strength: 'weak' }],
    });
    assert.match(html, /Marked done by you/);
    assert.match(html, /data-action="clear"/);
    assert.doesNotMatch(html, /data-action="done"/);
    assert.deepStrictEqual(html.match(/<script\b[^>]*>/g), ['<script nonce="abc123" src="https://webview.example/media/guidance.js">']);
  });
});

describe('soft skill guidance page updates (softGuidanceSections, planPatch)', () => {
  const content = (over = {}) => ({ skill: sampleSoftSkill(), signals: sampleMap().softSkills[0].signals, ...over });

  it('is made of sections the page can replace one at a time', () => {
    const sections = softGuidanceSections(content());
    assert.deepStrictEqual(
      sections.map((s) => s.id),
      ['header', 'howToPractise', 'signals', 'links'],
    );
    assert.match(
      renderSoftGuidanceHtml({ ...content(), cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 't' }),
      /data-section="signals"/,
    );
  });

  it('patches only the header when the mark changes, and only the signals when they change', () => {
    const before = softGuidanceSections(content());
    const marked = planPatch(before, softGuidanceSections(content({ mark: 'done' })))!;
    assert.deepStrictEqual(
      marked.changed.map((s) => s.id),
      ['header'],
    );
    assert.match(marked.changed[0].html, /Marked done by you/);
    const fewer = planPatch(before, softGuidanceSections(content({ signals: [] })))!;
    assert.deepStrictEqual(
      fewer.changed.map((s) => s.id),
      ['signals'],
    );
    assert.strictEqual(planPatch(before, softGuidanceSections(content())), undefined);
  });
});
