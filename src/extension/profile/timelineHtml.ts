/**
 * The timeline page as an HTML string: a chart (SVG, one row per skill, a ring where it was first
 * started and a dot where it was first practised) and the same facts as a table, which is what a
 * screen reader reads (the chart is hidden from it). No script; colours come from the theme's CSS
 * variables in media/timeline.css. Pure: unit-tested without an editor.
 */
import type * as vscode from 'vscode';
import { escapeHtml as e } from '../guidance/render';
import { ENGLISH } from '../tree/words';
import { position, type Timeline } from './combine';

/** The editor's translator, `vscode.l10n`. */
type Translator = Pick<typeof vscode.l10n, 't'>;

export interface TimelinePage {
  timeline: Timeline;
  cspSource: string;
  styleUri: string;
  lang?: string;
  l10n?: Translator;
}

const LABEL_W = 310;
const CHART_W = 620;
const ROW_H = 26;
const TOP = 34;

function ticks(from: string, to: string): string[] {
  const out: string[] = [];
  // The first of a month on or after `from`.
  const first = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const start = from.endsWith('-01') ? first : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  const end = Date.parse(to);
  const months = Math.max(1, Math.round((end - start.getTime()) / (30.4 * 864e5)));
  const step = months <= 8 ? 1 : months <= 36 ? 3 : months <= 96 ? 12 : 24;
  for (let d = start; d.getTime() <= end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

function chart(t: Timeline, title: string): string {
  const x = (date: string) => (LABEL_W + position(date, t.from, t.to) * CHART_W).toFixed(1);
  const height = TOP + t.rows.length * ROW_H + 8;
  const axis = ticks(t.from, t.to).map(
    (d) =>
      `<line class="grid" x1="${x(d)}" x2="${x(d)}" y1="${TOP - 6}" y2="${height}"/><text class="tick" x="${x(d)}" y="${TOP - 12}">${e(d.slice(0, 7))}</text>`,
  );
  const rows = t.rows.map((r, i) => {
    const y = TOP + i * ROW_H + ROW_H / 2;
    const started = `<line class="span started" x1="${x(r.started)}" x2="${x(r.practised ?? t.to)}" y1="${y}" y2="${y}"/>`;
    const practised = r.practised ? `<line class="span practised" x1="${x(r.practised)}" x2="${x(t.to)}" y1="${y}" y2="${y}"/>` : '';
    const marks =
      `<circle class="mark started" cx="${x(r.started)}" cy="${y}" r="5"/>` +
      (r.practised ? `<circle class="mark practised" cx="${x(r.practised)}" cy="${y}" r="6"/>` : '');
    return `<g class="row ${e(r.status)}"><text class="label" x="${LABEL_W - 12}" y="${y + 4}">${e(r.title)}</text>${started}${practised}${marks}</g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${LABEL_W + CHART_W + 40} ${height}" role="presentation" aria-hidden="true">
<title>${e(title)}</title>
${axis.join('\n')}
${rows.join('\n')}
</svg>`;
}

/** A project's name, with whose lines show the skill there when git could tell. */
function withWhose(name: string, claim: 'yours' | 'project' | undefined, l10n: Translator): string {
  if (claim === 'yours') return l10n.t('{0} (yours)', name);
  if (claim === 'project') return l10n.t("{0} (the project's)", name);
  return name;
}

function table(t: Timeline, l10n: Translator): string {
  const words = {
    practised: l10n.t('practised'),
    started: l10n.t('started'),
    missing: l10n.t('not shown yet'),
    caption: l10n.t('When each skill first appeared in your projects'),
    skill: l10n.t('Skill'),
    now: l10n.t('Now'),
    firstStarted: l10n.t('First started'),
    firstPractised: l10n.t('First practised'),
    projects: l10n.t('Projects'),
  };
  const rows = t.rows.map(
    (r) =>
      `<tr data-skill="${e(r.id)}"><th scope="row">${e(r.title)}</th><td>${e(words[r.status])}</td><td>${e(r.started)}</td>` +
      `<td>${e(r.practised ?? '—')}</td><td>${e(r.projects.map((p) => withWhose(p, r.whose?.[p], l10n)).join(', '))}</td></tr>`,
  );
  const head = [words.skill, words.now, words.firstStarted, words.firstPractised, words.projects].map(
    (h) => `<th scope="col">${e(h)}</th>`,
  );
  return `<table>
<caption>${e(words.caption)}</caption>
<thead><tr>${head.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

export function renderTimelineHtml(page: TimelinePage): string {
  const { timeline: t, l10n = ENGLISH } = page;
  const csp = ["default-src 'none'", `style-src ${page.cspSource}`].join('; ');
  const title = l10n.t('Skills over time');
  const span =
    t.rows.length === 1
      ? l10n.t('From {0} to {1}, across one skill.', t.from, t.to)
      : l10n.t('From {0} to {1}, across {2} skills.', t.from, t.to, t.rows.length);
  const startedKey = l10n.t('first started (weak evidence)');
  const practisedKey = l10n.t('first practised (strong evidence)');
  const none = l10n.t('No project in your profile yet. Add one with "Backend Skill Map: Add This Project to My Profile".');
  const body = t.rows.length
    ? `<p class="legend"><span class="key started" aria-hidden="true"></span>${e(startedKey)}
<span class="key practised" aria-hidden="true"></span>${e(practisedKey)}</p>
${chart(t, title)}
${table(t, l10n)}`
    : `<p>${e(none)}</p>`;
  return `<!DOCTYPE html>
<html lang="${e(page.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(page.styleUri)}">
<title>${e(title)}</title>
</head>
<body>
<main>
<h1>${e(title)}</h1>
<p class="span-note">${e(span)}</p>
${body}
</main>
</body>
</html>`;
}
