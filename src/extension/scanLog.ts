import type * as vscode from 'vscode';
import { formatBytes, formatDismissal, type SkillMap } from '../core';
import { folderSettings } from './settings';

/** The scan's lines in the log: what each folder's settings are, and what each scan found. */

const MAX_SKIPS_LOGGED = 200;

/** Per folder, what is excluded and read; and the user's rule files. */
export function logSettings(log: vscode.LogOutputChannel, folders: readonly vscode.WorkspaceFolder[], rules: readonly string[]): void {
  for (const f of folders) {
    const s = folderSettings(f);
    const only = s.includes.length ? `; only: ${s.includes.join(', ')}` : '';
    const dismissed = s.dismissed.length ? `; not evidence: ${s.dismissed.map(formatDismissal).join(', ')}` : '';
    const extra = (s.excludes.length ? `; also excluded: ${s.excludes.join(', ')}` : '') + only + dismissed;
    log.info(
      `  ${f.name}: built-in excludes and .gitignore${extra}${s.scanImports ? '' : '; source imports not read (backendSkillMap.scanImports is off)'}`,
    );
  }
  if (rules.length) log.info(`  rule files: ${rules.join(', ')}`);
}

/** Per folder, what was listed, read and skipped, and how long the scan took. */
export function logScan(
  log: vscode.LogOutputChannel,
  scans: readonly { folder: vscode.WorkspaceFolder }[],
  maps: readonly SkillMap[],
  ms: number,
): void {
  for (const [i, s] of scans.entries()) {
    const m = maps[i];
    const unchanged = m.stats.cacheHits ? ` (${m.stats.filesRead} files read, ${m.stats.cacheHits} unchanged since the last scan)` : '';
    log.info(
      `  ${s.folder.name}: ${m.stats.files} files listed, ${formatBytes(m.stats.bytesRead)} read${unchanged}, ${m.skipped.length} skipped, ` +
        `${m.skills.filter((k) => k.status === 'practised').length} skills practised`,
    );
    for (const k of m.skipped.slice(0, MAX_SKIPS_LOGGED)) log.info(`    skipped ${k.file}: ${k.reason}`);
    if (m.skipped.length > MAX_SKIPS_LOGGED) log.info(`    ... and ${m.skipped.length - MAX_SKIPS_LOGGED} more skipped`);
  }
  log.info(`scan done in ${ms} ms`);
}
