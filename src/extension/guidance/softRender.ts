/**
 * The guidance page of a soft skill: the same page as a technical skill's (render.ts), with what fits
 * a skill no code proves. No status: the user marks it done. The workspace's signals are listed as
 * hints. Pure, like render.ts: every catalogue or workspace string goes through `escapeHtml`.
 */
import type { Evidence, SoftSkill } from '../../core';
import type { Mark } from '../marks';
import { escapeHtml as e, linksSection, pageHtml, type PageResources } from './render';

export interface SoftGuidanceInput extends PageResources {
  skill: SoftSkill;
  mark?: Mark;
  /** Signal rows in the order the page numbers them (data-evidence indexes into this). */
  signals: Evidence[];
  multiRoot?: boolean;
}

const MAX_SIGNALS = 200;

function softHeader({ skill, mark }: SoftGuidanceInput): string {
  const status =
    mark === 'done'
      ? '<p class="status status-done">Marked done by you</p>'
      : mark === 'skipped'
        ? '<p class="status status-skipped">Skipped by you</p>'
        : '<p class="status">No code proves a soft skill: mark it done when you practise it</p>';
  return `<header>
  <p class="tier">Soft skill</p>
  <h1>${e(skill.title)}</h1>
  ${status}
  <p class="summary">${e(skill.summary)}</p>
  <div class="actions">
    ${mark !== 'done' ? '<button type="button" data-action="done">Mark as done</button>' : ''}
    ${mark ? '<button type="button" class="secondary" data-action="clear">Clear mark</button>' : ''}
  </div>
</header>`;
}

function signalsSection(input: SoftGuidanceInput): string {
  const signals = input.signals.slice(0, MAX_SIGNALS);
  if (!signals.length) {
    return `<section>
  <h2>Signals in this workspace</h2>
  <p class="muted">None found. Files that may relate to this skill (a contributing guide, code owners, a linter's settings...) are listed here as hints.</p>
</section>`;
  }
  const rows = signals.map((ev, i) => {
    const where = `${input.multiRoot && ev.folder ? `${ev.folder}/` : ''}${ev.file}:${ev.line}`;
    return `<tr><td>${e(ev.technology)}</td><td><a href="#" data-evidence="${i}">${e(where)}</a></td></tr>`;
  });
  return `<section>
  <h2>Signals in this workspace <span class="muted">hints, not proof</span></h2>
  <table class="evidence">
    <thead><tr><th>Signal</th><th>Where</th></tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table>
  ${input.signals.length > signals.length ? `<p class="muted">… and ${input.signals.length - signals.length} more.</p>` : ''}
</section>`;
}

export function renderSoftGuidanceHtml(input: SoftGuidanceInput): string {
  const sections = [
    softHeader(input),
    `<section>
  <h2>How to practise</h2>
  <ol>${input.skill.howToPractise.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
</section>`,
    signalsSection(input),
    linksSection(input.skill.links),
  ].filter((x): x is string => x !== undefined);
  return pageHtml(input.skill.title, sections, input, input.skill.id);
}
