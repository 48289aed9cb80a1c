import * as vscode from 'vscode';
import { toMarkdown } from '../../core';
import type { CommandDeps } from './deps';

/** The résumé-style Markdown, with the skills marked done by hand listed apart from the detected ones. */
async function markdownReport(deps: CommandDeps): Promise<string | undefined> {
  deps.session.ensureStarted();
  await deps.session.whenIdle();
  const { map, catalog } = deps.session;
  if (!map || !catalog) return undefined;
  let text = toMarkdown(map, catalog);
  const done = deps.marks
    .ids('done')
    .map((id) => catalog.skills.find((s) => s.id === id)?.title)
    .filter((t): t is string => !!t);
  if (done.length) text += `\n## Marked done by hand (no evidence in this workspace)\n\n${done.join(', ')}\n`;
  return text;
}

/**
 * Backend Skill Map: Export skill map as Markdown — opens the report in a new, unsaved Markdown editor.
 * Called with `{ noUi: true }` it returns the text instead.
 */
export function exportMarkdown(deps: CommandDeps) {
  return async (arg?: { noUi?: boolean }): Promise<string | undefined> => {
    const text = await markdownReport(deps);
    if (text === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Backend Skill Map: open a folder and let the scan finish first.'));
      return undefined;
    }
    if (arg && typeof arg === 'object' && arg.noUi) return text;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    return text;
  };
}
