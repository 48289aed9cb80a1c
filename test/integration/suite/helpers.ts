import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendSkillMapApi } from '../../../src/extension/api';
import type { TreeNode } from '../../../src/extension/tree/model';

export const EXTENSION_ID = 'backend-skill-map.backend-skill-map';

let api: BackendSkillMapApi | undefined;
let firstState: string | undefined;

/** The fixture this run was opened on (the runner passes its name). */
export const FIXTURE = process.env.BSM_TEST_FIXTURE ?? 'express-postgres-redis';

/** The session state after the first scan, before any test changed a file. */
export function stateAfterFirstScan(): string | undefined {
  return firstState;
}

/** Activates the extension the way a user would (opening its view), then waits for the first scan. */
export async function activeApi(): Promise<BackendSkillMapApi> {
  if (api) return api;
  const ext = vscode.extensions.getExtension<BackendSkillMapApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await vscode.commands.executeCommand('backendSkillMap.skills.focus');
  api = ext.isActive ? ext.exports : await ext.activate();
  await api.whenScanned();
  firstState ??= api.getState();
  return api;
}

export interface Row {
  node: TreeNode;
  item: vscode.TreeItem;
  label: string;
  description: string;
  icon?: string;
  iconColor?: string;
}

export async function rows(a: BackendSkillMapApi, parent?: TreeNode): Promise<Row[]> {
  const provider = a.getTreeProvider();
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await provider.getTreeItem(node);
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
      return {
        node,
        item,
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : '',
        icon: icon?.id,
        iconColor: (icon?.color as unknown as { id?: string } | undefined)?.id,
      };
    }),
  );
}

export async function row(a: BackendSkillMapApi, path: (string | RegExp)[]): Promise<Row> {
  let parent: TreeNode | undefined;
  let found: Row | undefined;
  for (const step of path) {
    const list = await rows(a, parent);
    found = list.find((r) => (typeof step === 'string' ? r.label === step : step.test(r.label)));
    assert.ok(found, `no row ${String(step)} under ${parent?.label ?? 'the root'}; rows: ${list.map((r) => r.label).join(', ')}`);
    parent = found.node;
  }
  return found!;
}

/** Polls until `check` passes or the time is up (for live updates that arrive after a file event). */
export async function eventually(check: () => Promise<void> | void, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw last;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n'));
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export async function lineOf(uri: vscode.Uri, pattern: RegExp): Promise<number> {
  const doc = await vscode.workspace.openTextDocument(uri);
  for (let i = 0; i < doc.lineCount; i++) if (pattern.test(doc.lineAt(i).text)) return i;
  assert.fail(`no line matching ${pattern} in ${uri.fsPath}`);
}

/**
 * The workbench's file watcher starts a moment after the window opens, and events before that are
 * lost (for every extension alike). Waits until a probe file's creation is seen, so that a test's
 * own file events count.
 */
export async function fileEventsFlowing(root: vscode.Uri, ms = 20000): Promise<void> {
  const probe = vscode.Uri.joinPath(root, `.bsm-probe-${process.pid}`);
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '.bsm-probe-*'));
  try {
    const seen = new Promise<void>((resolve) => watcher.onDidCreate(() => resolve()));
    const end = Date.now() + ms;
    for (;;) {
      await vscode.workspace.fs.writeFile(probe, Buffer.from('probe'));
      const got = await Promise.race([seen.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
      await vscode.workspace.fs.delete(probe, { useTrash: false }).then(undefined, () => undefined);
      if (got) return;
      if (Date.now() > end) throw new Error('the file watcher never reported the probe file');
    }
  } finally {
    watcher.dispose();
  }
}
