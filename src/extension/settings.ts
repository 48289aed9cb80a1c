import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseDismissals, type Dismissal, type StoreKey } from '../core';
import type { ShownGroup } from './tree/model';

/** Everything the extension reads from the settings, in one place. */
const SECTION = 'backendSkillMap';

interface FolderSettings {
  /** Our own globs plus the editor's files.exclude and search.exclude (the ones switched on). */
  excludes: string[];
  /** Our include globs: when any, only what they match is scanned. */
  includes: string[];
  scanImports: boolean;
  /** Rules that prove nothing in a file ("Not evidence"), from backendSkillMap.dismissed. */
  dismissed: Dismissal[];
}

function globList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
}

function enabledGlobs(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

export function folderSettings(folder: vscode.WorkspaceFolder): FolderSettings {
  const own = vscode.workspace.getConfiguration(SECTION, folder.uri);
  const files = vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude');
  const search = vscode.workspace.getConfiguration('search', folder.uri).get<unknown>('exclude');
  const extra = own.get<unknown>('exclude');
  const globs = [...globList(extra), ...enabledGlobs(files), ...enabledGlobs(search)];
  return {
    excludes: [...new Set(globs)],
    includes: [...new Set(globList(own.get<unknown>('include')))],
    scanImports: own.get<boolean>('scanImports', true) !== false,
    dismissed: parseDismissals(own.get<unknown>('dismissed')),
  };
}

/** User rule files, absolute. Relative entries are taken from the first workspace folder. */
export function ruleFiles(): string[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('ruleFiles');
  if (!Array.isArray(raw)) return [];
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return raw
    .filter((f): f is string => typeof f === 'string' && f.trim() !== '')
    .map((f) => (path.isAbsolute(f) || !base ? f : path.join(base, f)));
}

/** The tiers shown, and 'soft' when the soft skills' group is. */
export function visibleTiers(): ShownGroup[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('tiers');
  const tiers = Array.isArray(raw) ? raw.filter((t): t is ShownGroup => t === 'core' || t === 'advanced' || t === 'soft') : [];
  return tiers.length ? tiers : ['core', 'advanced', 'soft'];
}

/** The on/off settings, all on unless set to false. */
export type Switch = 'scanOnStartup' | 'hovers' | 'statusBar';

export function switchedOn(name: Switch): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>(name) !== false;
}

export function affectsSwitch(e: vscode.ConfigurationChangeEvent, name: Switch): boolean {
  return e.affectsConfiguration(`${SECTION}.${name}`);
}

/** Does this settings change call for a new scan? */
export function needsRescan(e: vscode.ConfigurationChangeEvent): boolean {
  return (
    e.affectsConfiguration(`${SECTION}.exclude`) ||
    e.affectsConfiguration(`${SECTION}.include`) ||
    e.affectsConfiguration(`${SECTION}.dismissed`) ||
    e.affectsConfiguration(`${SECTION}.scanImports`) ||
    e.affectsConfiguration(`${SECTION}.ruleFiles`) ||
    e.affectsConfiguration('files.exclude') ||
    e.affectsConfiguration('search.exclude')
  );
}

/** Does this settings change only alter what is shown? */
export function needsRedraw(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SECTION}.tiers`);
}

/** Something a switch turns on and off live: made while the setting is on, disposed while it is off. */
export function whileSwitchedOn(name: Switch, make: () => vscode.Disposable): vscode.Disposable {
  let current = switchedOn(name) ? make() : undefined;
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!affectsSwitch(e, name)) return;
    const on = switchedOn(name);
    if (on && !current) current = make();
    else if (!on && current) {
      current.dispose();
      current = undefined;
    }
  });
  return { dispose: () => (listener.dispose(), current?.dispose()) };
}

/**
 * What a workspace's map is made from besides its files: per folder, the store key (engine, catalogue,
 * rule files, options) and the settings that change the listing or the map. A remembered map is
 * checked quickly only when these are as they were.
 */
export function mapInputs(folders: readonly vscode.WorkspaceFolder[], keys: readonly StoreKey[]): string {
  return JSON.stringify(
    folders.map((folder, i) => {
      const s = folderSettings(folder);
      return [folder.uri.toString(), keys[i], s.excludes, s.includes, s.scanImports, s.dismissed];
    }),
  );
}
