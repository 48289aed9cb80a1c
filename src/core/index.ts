/** The engine's public surface, shared by the CLI, the editor adapter, the tests and the benchmark. */
export * from './types';
export { ECOSYSTEMS } from './ecosystems';
export { loadCatalog, findSkillsDir, CatalogError } from './catalog';
export { Scanner, evidenceInText, prepareRuleIndex, type ScanOptions, type ScanProgress } from './scanner';
export { DiskSource, type DiskSourceOptions } from './workspace/diskSource';
export { MemorySource } from './workspace/memorySource';
export type { FileSource } from './workspace/source';
export { joinReasons, suggestNext } from './suggest';
export { toMarkdown, proficiency, resumeEntry, PROFICIENCY_LEGEND } from './report';
export { mergeMaps } from './merge';
export { SkillTechnologies, practiceEvidence, rankTechnologies, type TechnologyLists } from './technologies';
export { Dismissals, formatDismissal, parseDismissal, parseDismissals, type Dismissal } from './dismiss';
export { escapeMarkdown, formatBytes } from './format';
export { formatMessage, type ReasonMessage } from './reasons';
export { combinationMessage, combinationSummary, foundVia, unitOpening } from './combine/summary';
export { MESSAGE_TEMPLATES, message, type Message, type MessageId } from './messages';
export {
  catalogIdentity,
  keyMismatch,
  parseStore,
  serializeStore,
  storeKey,
  StoreError,
  MTIME_MARGIN_MS,
  type ScanStore,
  type StoreKey,
  type StoredFile,
} from './store/scanStore';
export { contentHash } from './hash';
export { openStore, openStoreSliced, writeFileAtomic, writeFileAtomicSync, type OpenedStore } from './store/storeFile';
