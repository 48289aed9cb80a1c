/**
 * Text the engine builds for people: an English template with `{0}`-style arguments, the form
 * `vscode.l10n.t` takes, so that the editor can show it in its own language while the CLI writes the
 * English text. Every template is listed here, once.
 */

export const MESSAGE_TEMPLATES = {
  // Why a skill has its status (reasons.ts).
  practised: 'Practised: {0} at {1}.',
  'practised-combined': 'Practised: {0}, {1} services: {2}.',
  started: 'Started: {0} found at {1}, a hint only. Practised needs {2}.',
  'started-default':
    'Started: {0} found at {1}, a hint only. Practised needs the technology used by the project itself: a runtime dependency, its code or its configuration.',
  missing: 'Not shown yet: nothing found. Looked for {0}.',
  'missing-more': 'Not shown yet: nothing found. Looked for {0} and {1} more.',
  // The units a combination names (combine/summary.ts).
  services: '{0} services: {1}',
  // Why a skill is suggested next (suggest.ts).
  'suggest-started': 'already started: {0} found, no strong evidence yet',
  'suggest-started-unnamed': 'already started, no strong evidence yet',
  'suggest-prerequisites-met': 'prerequisites met ({0})',
  'suggest-no-prerequisites': 'no prerequisites',
  'suggest-learn-first': 'learn {0} first',
  'suggest-builds-on': 'builds on {0}, which you practise',
  'suggest-time': 'about {0}',
} as const;

export type MessageId = keyof typeof MESSAGE_TEMPLATES;

export interface Message<Id extends MessageId = MessageId> {
  id: Id;
  /** English text with `{0}`, `{1}`... for the arguments. */
  template: string;
  args: string[];
}

export function message<Id extends MessageId>(id: Id, ...args: string[]): Message<Id> {
  return { id, template: MESSAGE_TEMPLATES[id], args };
}

/** Fills a template's `{n}` placeholders. */
export function formatMessage(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => args[Number(n)] ?? whole);
}
