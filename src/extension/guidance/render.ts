/**
 * The guidance page for one skill, as an HTML string. Pure (no 'vscode' import) so that the
 * escaping can be unit-tested: every string that came from a catalogue, a rule file or the
 * workspace goes through `escapeHtml`. No inline script, no inline handlers: the page's only
 * script is media/guidance.js, loaded with the nonce the Content Security Policy names. The page's
 * own words go through `l10n.t` (the editor's translator; only a type comes from 'vscode').
 */
import type * as vscode from 'vscode';
import type { Evidence, Link, Skill, SkillResult, Status } from '../../core';
import type { Mark } from '../marks';
import { ENGLISH } from '../tree/words';

/** The editor's translator, `vscode.l10n`. */
export type Translator = Pick<typeof vscode.l10n, 't'>;

/** What the page shows; the page itself (policy, script, style) comes on top in GuidanceInput. */
export interface GuidanceContent {
  skill: Skill;
  result?: SkillResult;
  mark?: Mark;
  /** Prerequisites with the status the workspace shows for each. */
  prerequisites?: { title: string; practised: boolean }[];
  /** Evidence rows in the order the page numbers them (data-evidence indexes into this). */
  evidence?: Evidence[];
  multiRoot?: boolean;
  /** Why the skill has its status, in the editor's language (else the engine's English `result.reason`). */
  reason?: string;
  /** Translates the page's own words; English by default. */
  l10n?: Translator;
}

export interface GuidanceInput extends GuidanceContent {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The page's language (the editor's display language); English by default. */
  lang?: string;
}

const MAX_EVIDENCE = 200;

export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only https links are offered; anything else is shown as text. */
export function isSafeLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password;
  } catch {
    return false;
  }
}

function statusText(status: Status, mark: Mark | undefined, l10n: Translator): string {
  if (mark === 'done') return l10n.t('Marked done by you');
  if (mark === 'skipped') return l10n.t('Skipped by you');
  if (status === 'practised') return l10n.t('Practised: the workspace shows it');
  return status === 'started' ? l10n.t('Started: weak evidence only') : l10n.t('Not shown in this workspace yet');
}

const e = escapeHtml;

function headerSection(input: GuidanceContent, status: Status): string {
  const { skill, mark, l10n = ENGLISH } = input;
  const reason = input.reason ?? input.result?.reason;
  return `<header>
  <p class="tier">${e(skill.tier === 'core' ? l10n.t('Core skill') : l10n.t('Advanced skill'))}</p>
  <h1>${e(skill.title)}</h1>
  <p class="status status-${e(mark ?? status)}">${e(statusText(status, mark, l10n))}</p>
  ${reason ? `<p class="reason">${e(reason)}</p>` : ''}
  <p class="summary">${e(skill.summary)}</p>
  <p class="time"><span class="label">${e(l10n.t('Learning time'))}</span> ${e(skill.learningTime)}</p>
  ${markButtons(mark, l10n, true)}
</header>`;
}

/** The page's mark buttons: done, skip (technical skills only), clear. */
export function markButtons(mark: Mark | undefined, l10n: Translator, canSkip: boolean): string {
  const done = `<button type="button" data-action="done">${e(l10n.t('Mark as done'))}</button>`;
  const skip = `<button type="button" class="secondary" data-action="skipped">${e(l10n.t('Skip this skill'))}</button>`;
  const clear = `<button type="button" class="secondary" data-action="clear">${e(l10n.t('Clear mark'))}</button>`;
  return `<div class="actions">
    ${mark !== 'done' ? done : ''}
    ${canSkip && mark !== 'skipped' ? skip : ''}
    ${mark ? clear : ''}
  </div>`;
}

/** A list of items ticked off or still open. */
function checkList(items: readonly { title: string; done: boolean }[], doneNote: string): string {
  return `<ul class="checks">${items
    .map(
      (p) =>
        `<li class="${p.done ? 'done' : 'open'}"><span class="tick" aria-hidden="true">${p.done ? '✓' : '○'}</span> ${e(p.title)}${p.done ? ` <span class="muted">${doneNote}</span>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

function prerequisitesSection(input: GuidanceContent): string | undefined {
  if (!input.prerequisites?.length) return undefined;
  const l10n = input.l10n ?? ENGLISH;
  return `<section>
  <h2>${e(l10n.t('Learn first'))}</h2>
  ${checkList(
    input.prerequisites.map((p) => ({ title: p.title, done: p.practised })),
    e(l10n.t('practised')),
  )}
</section>`;
}

function howToLearnSection(input: GuidanceContent): string {
  return `<section>
  <h2>${e((input.l10n ?? ENGLISH).t('How to learn'))}</h2>
  <ol>${input.skill.howToLearn.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
</section>`;
}

function practiceSection(input: GuidanceContent): string | undefined {
  const practice = input.result?.practice ?? input.skill.practice.map((p) => ({ ...p, done: false }));
  if (!practice.length) return undefined;
  const done = practice.filter((p) => p.done).length;
  const l10n = input.l10n ?? ENGLISH;
  const shown = l10n.t('{0} of {1} shown in this workspace', done, practice.length);
  return `<section>
  <h2>${e(l10n.t('Further practice'))} <span class="muted">${e(shown)}</span></h2>
  ${checkList(practice, e(l10n.t('shown in code')))}
</section>`;
}

function evidenceSection(input: GuidanceContent): string {
  const evidence = (input.evidence ?? input.result?.evidence ?? []).slice(0, MAX_EVIDENCE);
  const l10n = input.l10n ?? ENGLISH;
  const heading = `<h2>${e(l10n.t('Evidence in this workspace'))}</h2>`;
  if (!evidence.length) {
    const none = l10n.t('Nothing yet. Once a manifest, config or import shows this skill, it is listed here with its file and line.');
    return `<section>
  ${heading}
  <p class="muted">${e(none)}</p>
</section>`;
  }
  const total = input.evidence?.length ?? input.result?.evidence.length ?? evidence.length;
  const rows = evidence.map((ev, i) => {
    const where = `${input.multiRoot && ev.folder ? `${ev.folder}/` : ''}${ev.file}:${ev.line}`;
    return `<tr><td>${e(ev.technology)}${ev.strength === 'weak' ? ` <span class="muted">${e(l10n.t('weak'))}</span>` : ''}</td><td><a href="#" data-evidence="${i}">${e(where)}</a></td><td><code>${e(ev.rule)}</code></td></tr>`;
  });
  const head = [l10n.t('Technology'), l10n.t('Where'), l10n.t('Rule')].map((h) => `<th>${e(h)}</th>`).join('');
  return `<section>
  ${heading}
  <table class="evidence">
    <thead><tr>${head}</tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table>
  ${total > evidence.length ? `<p class="muted">${e(l10n.t('… and {0} more.', total - evidence.length))}</p>` : ''}
</section>`;
}

export function linksSection(links: readonly Link[], l10n: Translator = ENGLISH): string | undefined {
  if (!links.length) return undefined;
  const items = links.map((l, i) =>
    isSafeLink(l.url)
      ? `<li><a href="#" data-link="${i}">${e(l.title)}</a> <span class="url">${e(l.url)}</span></li>`
      : `<li>${e(l.title)} <span class="url">${e(l.url)}</span></li>`,
  );
  return `<section>
  <h2>${e(l10n.t('Learn more'))}</h2>
  <ul class="links">${items.join('')}</ul>
  <p class="muted">${e(l10n.t('Links open in your browser only when you click them.'))}</p>
</section>`;
}

/** One part of the page, replaced as a whole when it changes. */
export interface GuidanceSection {
  id: string;
  html: string;
}

/** The page's sections, in order; a section with nothing to show is left out. */
export function guidanceSections(input: GuidanceContent): GuidanceSection[] {
  const status = input.result?.status ?? 'missing';
  const sections: [string, string | undefined][] = [
    ['header', headerSection(input, status)],
    ['prerequisites', prerequisitesSection(input)],
    ['howToLearn', howToLearnSection(input)],
    ['practice', practiceSection(input)],
    ['evidence', evidenceSection(input)],
    ['links', linksSection(input.skill.links, input.l10n)],
  ];
  return sections.filter((s): s is [string, string] => s[1] !== undefined).map(([id, html]) => ({ id, html }));
}

/** What the open page is sent when its content changes: the new order and the sections that differ. */
export interface GuidancePatch {
  order: string[];
  changed: GuidanceSection[];
}

/** The patch from one content of the page to the next, or undefined when nothing changed. */
export function planPatch(before: readonly GuidanceSection[], after: readonly GuidanceSection[]): GuidancePatch | undefined {
  const old = new Map(before.map((s) => [s.id, s.html]));
  const changed = after.filter((s) => old.get(s.id) !== s.html);
  const order = after.map((s) => s.id);
  const sameOrder = order.length === before.length && order.every((id, i) => before[i].id === id);
  return changed.length || !sameOrder ? { order, changed } : undefined;
}

export function renderGuidanceHtml(input: GuidanceInput, sections = guidanceSections(input)): string {
  return sectionsPageHtml(input.skill.title, sections, input, input.skill.id);
}

/** A page made of sections, each in a block the page's script can replace alone (media/guidance.js). */
export function sectionsPageHtml(title: string, sections: readonly GuidanceSection[], input: PageResources, skillId: string): string {
  const body = sections.map((s) => `<div class="section" data-section="${e(s.id)}">\n${s.html}\n</div>`);
  return pageHtml(title, body, input, skillId);
}

/** What every guidance page needs to load its style and script under the Content Security Policy. */
export type PageResources = Pick<GuidanceInput, 'cspSource' | 'nonce' | 'scriptUri' | 'styleUri' | 'lang'>;

/** The page around its sections: the policy, the style sheet and the one script; `skillId` lets the page restore itself. */
export function pageHtml(title: string, sections: readonly string[], input: PageResources, skillId: string): string {
  const { cspSource, nonce } = input;
  const csp = ["default-src 'none'", `style-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${e(input.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => e(c))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(input.styleUri)}">
<title>${e(title)}</title>
</head>
<body data-skill="${e(skillId)}">
<main>
${sections.join('\n')}
</main>
<script nonce="${e(nonce)}" src="${e(input.scriptUri)}"></script>
</body>
</html>`;
}
