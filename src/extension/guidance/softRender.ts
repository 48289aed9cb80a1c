/**
 * The guidance page of a soft skill: the same page as a technical skill's (render.ts), with what fits
 * a skill no code proves. No status: the user marks it done. The workspace's signals are listed as
 * hints. Pure, like render.ts: every catalogue or workspace string goes through `escapeHtml`, and
 * the page's own words through `l10n.t` (only a type comes from 'vscode').
 */
import type * as vscode from 'vscode';
import type { Evidence, SoftSkill } from '../../core';
import type { Mark } from '../marks';
import { ENGLISH } from '../tree/words';
import { escapeHtml as e, linksSection, markButtons, sectionsPageHtml, type GuidanceSection, type PageResources } from './render';

/** What a soft skill's page shows; the page itself (policy, script, style) comes on top in SoftGuidanceInput. */
export interface SoftGuidanceContent {
  skill: SoftSkill;
  mark?: Mark;
  /** Signal rows in the order the page numbers them (data-evidence indexes into this). */
  signals: Evidence[];
  multiRoot?: boolean;
  /** Translates the page's own words (the editor's `vscode.l10n`); English by default. */
  l10n?: Pick<typeof vscode.l10n, 't'>;
}

export type SoftGuidanceInput = SoftGuidanceContent & PageResources;

const MAX_SIGNALS = 200;

function softHeader({ skill, mark, l10n = ENGLISH }: SoftGuidanceContent): string {
  const status =
    mark === 'done'
      ? `<p class="status status-done">${e(l10n.t('Marked done by you'))}</p>`
      : mark === 'skipped'
        ? `<p class="status status-skipped">${e(l10n.t('Skipped by you'))}</p>`
        : `<p class="status">${e(l10n.t('No code proves a soft skill: mark it done when you practise it'))}</p>`;
  return `<header>
  <p class="tier">${e(l10n.t('Soft skill'))}</p>
  <h1>${e(skill.title)}</h1>
  ${status}
  <p class="summary">${e(skill.summary)}</p>
  ${markButtons(mark, l10n, false)}
</header>`;
}

function signalsSection(input: SoftGuidanceContent): string {
  const signals = input.signals.slice(0, MAX_SIGNALS);
  const l10n = input.l10n ?? ENGLISH;
  if (!signals.length) {
    const none = l10n.t(
      "None found. Files that may relate to this skill (a contributing guide, code owners, a linter's settings...) are listed here as hints.",
    );
    return `<section>
  <h2>${e(l10n.t('Signals in this workspace'))}</h2>
  <p class="muted">${e(none)}</p>
</section>`;
  }
  const rows = signals.map((ev, i) => {
    const where = `${input.multiRoot && ev.folder ? `${ev.folder}/` : ''}${ev.file}:${ev.line}`;
    return `<tr><td>${e(ev.technology)}</td><td><a href="#" data-evidence="${i}">${e(where)}</a></td></tr>`;
  });
  return `<section>
  <h2>${e(l10n.t('Signals in this workspace'))} <span class="muted">${e(l10n.t('hints, not proof'))}</span></h2>
  <table class="evidence">
    <thead><tr><th>${e(l10n.t('Signal'))}</th><th>${e(l10n.t('Where'))}</th></tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table>
  ${input.signals.length > signals.length ? `<p class="muted">${e(l10n.t('… and {0} more.', input.signals.length - signals.length))}</p>` : ''}
</section>`;
}

/** The page's sections, in order, patched in place like a technical skill's (render.ts). */
export function softGuidanceSections(input: SoftGuidanceContent): GuidanceSection[] {
  const l10n = input.l10n ?? ENGLISH;
  const sections: [string, string | undefined][] = [
    ['header', softHeader(input)],
    [
      'howToPractise',
      `<section>
  <h2>${e(l10n.t('How to practise'))}</h2>
  <ol>${input.skill.howToPractise.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
</section>`,
    ],
    ['signals', signalsSection(input)],
    ['links', linksSection(input.skill.links, l10n)],
  ];
  return sections.filter((s): s is [string, string] => s[1] !== undefined).map(([id, html]) => ({ id, html }));
}

export function renderSoftGuidanceHtml(input: SoftGuidanceInput, sections = softGuidanceSections(input)): string {
  return sectionsPageHtml(input.skill.title, sections, input, input.skill.id);
}
