/** Command ids, as declared in package.json's contributes.commands. */
export const COMMANDS = {
  refresh: 'backendSkillMap.refresh',
  filter: 'backendSkillMap.filter',
  suggestNext: 'backendSkillMap.suggestNext',
  exportMarkdown: 'backendSkillMap.exportMarkdown',
  openGuidance: 'backendSkillMap.openGuidance',
  revealInTree: 'backendSkillMap.revealInTree',
  markDone: 'backendSkillMap.markDone',
  markSkipped: 'backendSkillMap.markSkipped',
  clearMark: 'backendSkillMap.clearMark',
  showLog: 'backendSkillMap.showLog',
  openEvidence: 'backendSkillMap.openEvidence',
  excludeFromMap: 'backendSkillMap.excludeFromMap',
  notEvidence: 'backendSkillMap.notEvidence',
} as const;

/** The commands a hover's links may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.openGuidance, COMMANDS.revealInTree];
