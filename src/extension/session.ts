import { readFileSync, statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DiskSource, loadCatalog, mergeMaps, prepareRuleIndex, Scanner, storeKey, type Catalog, type SkillMap } from '../core';
import { folderSettings, mapInputs, ruleFiles } from './settings';
import { ScanScheduler } from './scanScheduler';
import { RuleProblemNotices } from './ruleProblems';
import { ScanStores, type RememberedMap } from './scanStores';
import { logScan, logSettings } from './scanLog';
import { checkInWorker, headStart, type ReopenCheck } from './reopenCheck';

export const VIEW_ID = 'backendSkillMap.skills';

/** A map remembered from the last session: being checked, or shown unchecked until the user refreshes. */
export type Remembered = 'checking' | 'unchecked';

/** What the tree shows when it has no skills to show (drives the welcome content). */
export type SessionState = 'starting' | 'waiting' | 'scanning' | 'ready' | 'empty' | 'error' | 'noFolder';

/**
 * What the quick check vouched for: per folder, the files it found changed (every other file of the
 * folder's store is unchanged); undefined when it vouched for nothing.
 */
type Vouched = string[][] | undefined;

/** A file event waiting to be applied. */
interface Change {
  uri: vscode.Uri;
  deleted: boolean;
  /** A created path that cannot hold evidence itself: perhaps a new folder. */
  maybeFolder?: boolean;
}

interface FolderScan {
  folder: vscode.WorkspaceFolder;
  scanner: Scanner;
}

const DEBOUNCE_MS = 150;

/**
 * The workspace's scan state: the catalogue, one Scanner per workspace folder, and the merged map.
 * A full scan runs on start, on settings and folder changes and on Refresh; after that a changed
 * file is re-read alone.
 */
export class ScanSession implements vscode.Disposable {
  private readonly mapChanged = new vscode.EventEmitter<SkillMap | undefined>();
  private readonly stateChanged = new vscode.EventEmitter<SessionState>();
  readonly onDidChangeMap = this.mapChanged.event;
  readonly onDidChangeState = this.stateChanged.event;

  private _catalog: Catalog | undefined;
  private _map: SkillMap | undefined;
  private _state: SessionState = 'starting';
  private scans: FolderScan[] = [];
  private readonly scheduler = new ScanScheduler<Change>(DEBOUNCE_MS);
  private started = false;
  private readonly ruleNotices = new RuleProblemNotices();
  private readonly stores: ScanStores;
  private readonly rememberedChanged = new vscode.EventEmitter<Remembered | undefined>();
  readonly onDidChangeRemembered = this.rememberedChanged.event;
  private _remembered: Remembered | undefined;
  /** The remembered map this session showed, how it was marked, and when (ms after the session was made). */
  rememberedShown: { map: SkillMap; mark: Remembered; atMs: number; readMs: number } | undefined;
  private readonly createdAt = performance.now();
  /** When the first complete scan's map was shown, ms after the session was made. */
  firstCompleteAtMs: number | undefined;
  private readonly createdCpu = process.cpuUsage();
  /** The extension host's processor time (user and system) from the session's making to that map, in ms. */
  firstCompleteCpuMs: number | undefined;
  /** The quick check of the remembered map, once it answered (see reopenCheck.ts). */
  reopenCheck: ReopenCheck | undefined;
  /** The remembered map shown, with what its quick check needs. */
  private rememberedRecord: RememberedMap | undefined;
  /** What the map was made from besides the files (see `mapInputs`), as the last scan had it. */
  private mapInputs: string | undefined;
  /** How many notifications about rule-file problems were shown (for tests). */
  ruleProblemNotices = 0;

  constructor(
    private readonly skillsDir: string,
    private readonly log: vscode.LogOutputChannel,
    /** The catalogue as the build compiled it (dist/catalog.json); the YAML is the fallback. */
    private readonly compiledCatalog?: string,
    /** Where the scan stores live (the extension's workspace storage); undefined keeps none. */
    storageDir?: string,
    /** This build of the extension: a store written by another is not used. */
    private readonly engine = 'unknown',
    /** The quick check's worker script (dist/check-worker.js); undefined: every remembered map is checked by a scan. */
    private readonly checkWorker?: string,
  ) {
    this.stores = new ScanStores(storageDir, log);
  }

  get catalog(): Catalog | undefined {
    return this._catalog;
  }
  get map(): SkillMap | undefined {
    return this._map;
  }
  get state(): SessionState {
    return this._state;
  }
  get multiRoot(): boolean {
    return (this.scans.length || (vscode.workspace.workspaceFolders?.length ?? 0)) > 1;
  }

  /** The first scan, if none has run yet. */
  ensureStarted(): void {
    if (!this.started) void this.rescan('first scan');
  }

  /**
   * No scanning on start-up: the first waits for Refresh or a command (the view says so). A map
   * remembered from the last session shows meanwhile, marked as not checked.
   */
  waitForRequest(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.setState('waiting');
    this.log.info(`not scanning until asked (backendSkillMap.scanOnStartup is off)`);
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const rules = ruleFiles();
    const readAt = performance.now();
    const remembered = this._map ? undefined : this.stores.rememberedMap(folders);
    if (remembered && this.loadCatalogue(rules)) this.showRemembered(remembered, 'unchecked', readAt);
    return Promise.resolve();
  }

  /** Whether the map shown is the one the last session left: being checked, or not checked yet. */
  get remembered(): Remembered | undefined {
    return this._remembered;
  }

  /** Writes the scan stores now (they are otherwise written a moment after a scan or update). */
  flushStores(): Promise<void> {
    return this.stores.flush();
  }

  /** A full scan, once a first one has run or been asked for; before that, nothing. */
  rescanIfStarted(reason: string): Promise<void> {
    return this.started ? this.rescan(reason) : Promise.resolve();
  }

  /**
   * A full scan of every folder. A scan already running is cancelled. Files unchanged since the
   * scan store was written are not read again, unless `readAll` says to read every file.
   */
  rescan(reason: string, readAll = false): Promise<void> {
    this.started = true;
    return this.scheduler.scan((ctrl) => this.runScan(reason, ctrl, readAll));
  }

  /** Resolves when no scan, queued change or update is left. */
  whenIdle(): Promise<void> {
    return this.scheduler.whenIdle();
  }

  private setState(state: SessionState): void {
    if (this._state === state) return;
    this._state = state;
    this.stateChanged.fire(state);
  }

  private async runScan(reason: string, ctrl: AbortController, readAll: boolean): Promise<void> {
    if (ctrl.signal.aborted) return;
    const started = Date.now();
    this.setState('scanning');
    const rules = ruleFiles();
    const catalog = this.loadCatalogue(rules);
    if (!catalog) return;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    // The remembered map shows before anything else is done (the keys' hashes load node:crypto).
    const shown = this._remembered === 'unchecked' ? this.setRemembered('checking') : !this._map && this.showRememberedFirst(folders);
    const keys = this.storeKeys(folders, catalog, rules);
    const inputs = mapInputs(folders, keys);
    const quick = this._remembered === 'checking' ? this.startQuickCheck(folders, inputs, ctrl) : undefined;
    if (shown) await yieldToLoop(); // the tree draws it first
    let vouched: Vouched;
    void quick?.then((v) => (vouched = v));
    await headStart(quick);
    await prepareRuleIndex(catalog, ctrl.signal);
    if (ctrl.signal.aborted) return;
    if (!folders.length) {
      this.scans = [];
      this.publish(undefined);
      this.setState('noFolder');
      return;
    }
    const scans: FolderScan[] = folders.map((folder) => {
      const s = folderSettings(folder);
      const source = new DiskSource(folder.uri.fsPath, { excludes: s.excludes, includes: s.includes });
      return { folder, scanner: new Scanner(source, catalog, s.dismissed) };
    });
    this.log.info(`scanning ${folders.map((f) => f.name).join(', ')} (${reason})`);
    logSettings(this.log, folders, rules);
    const caches = await Promise.all(
      folders.map(async (folder, i) => {
        const previous = readAll ? undefined : await this.stores.previous(folder, keys[i]);
        // Found unchanged by the quick check (the same store), and watched since: not stamped again.
        const same = vouched && this.stores.storeHash(folder) === this.rememberedRecord?.check?.stores[i];
        return { key: keys[i], previous, unchangedExcept: same ? new Set(vouched![i]) : undefined };
      }),
    );
    if (ctrl.signal.aborted) return;
    if (caches.some((c) => c.unchangedExcept)) this.log.info('  files the quick check found unchanged are taken from the store unstamped');
    this.scans = scans;
    let maps: SkillMap[];
    try {
      maps = await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: vscode.l10n.t('Scanning for backend skills') }, () =>
        Promise.all(
          scans.map((s, i) =>
            s.scanner.scan({
              readSources: folderSettings(s.folder).scanImports,
              signal: ctrl.signal,
              cache: caches[i],
              onPartial: this.partialShown(ctrl, scans.length),
            }),
          ),
        ),
      );
    } catch (err) {
      if (ctrl.signal.aborted) return;
      this.log.error(`scan failed: ${(err as Error).stack ?? err}`);
      this.publish(undefined);
      this.setState('error');
      return;
    }
    if (ctrl.signal.aborted) {
      this.log.info('scan cancelled (a newer one started)');
      return;
    }
    // The maps the scans returned: building a map again costs 100–250 ms at 100k files.
    const map = mergeMaps(scans.map((s, i) => ({ folder: s.folder.name, map: maps[i] })));
    this.publish(map);
    this.noteFirstComplete();
    logScan(this.log, scans, maps, Date.now() - started);
    this.mapInputs = inputs;
    this.stores.schedule(scans, map, inputs);
  }

  /**
   * What to do with a scan's map after its first pass. A remembered map stays until the check is
   * complete (a partial one would show less), and building one costs 100–250 ms at 100k files: then
   * none is asked for. With one folder the scanner's partial map is the whole map (merging one map
   * gives it back), so it is not built a second time.
   */
  private partialShown(ctrl: AbortController, folders: number): ((partial: SkillMap) => void) | undefined {
    if (this._remembered) return undefined;
    return (partial) => {
      if (!ctrl.signal.aborted && !this._remembered) this.publish(folders === 1 ? partial : this.merge());
    };
  }

  /** The catalogue with the user's rule files; undefined (and the error state) when it cannot be loaded. */
  private loadCatalogue(rules: string[]): Catalog | undefined {
    try {
      const { catalog, problems } = loadCatalog(this.skillsDir, rules, this.compiledCatalog);
      this._catalog = catalog;
      for (const p of problems) this.log.warn(`rule file: ${p}`);
      this.announceRuleProblems(rules, problems);
      return catalog;
    } catch (err) {
      this.log.error(`cannot load the skill catalogue: ${(err as Error).message}`);
      this._catalog = undefined;
      this.publish(undefined);
      this.setState('error');
      return undefined;
    }
  }

  /** Each folder's store key: this build, the catalogue, the user's rule files and the options. */
  private storeKeys(folders: readonly vscode.WorkspaceFolder[], catalog: Catalog, rules: readonly string[]) {
    const ruleFiles = rules.map((file) => ({ path: file, content: readOrUndefined(file) }));
    return folders.map((folder) => storeKey({ engine: this.engine, catalog, ruleFiles, readSources: folderSettings(folder).scanImports }));
  }

  private noteFirstComplete(): void {
    this.firstCompleteAtMs ??= performance.now() - this.createdAt;
    if (this.firstCompleteCpuMs === undefined) {
      const cpu = process.cpuUsage(this.createdCpu);
      this.firstCompleteCpuMs = (cpu.user + cpu.system) / 1000;
    }
  }

  /**
   * The quick check of the remembered map, on a thread of its own beside the scan: when nothing changed
   * since the map was kept, it is the checked map at once (the scan goes on for the records updates need).
   */
  private startQuickCheck(folders: readonly vscode.WorkspaceFolder[], inputs: string, ctrl: AbortController): Promise<Vouched> | undefined {
    const remembered = this.rememberedRecord;
    const check = remembered?.check;
    if (!remembered || !check || !this.checkWorker) return undefined;
    if (check.inputs !== inputs) {
      this.log.info('the rules or settings changed since the map was kept: no quick check, the scan checks every file');
      return undefined;
    }
    const job = this.stores.quickCheckFolders(folders, check, (f) => folderSettings(f));
    if (!job) return undefined;
    const begun = performance.now();
    return checkInWorker(this.checkWorker, job, ctrl.signal).then((result) => {
      this.reopenCheck = { ...result, atMs: performance.now() - this.createdAt, ms: performance.now() - begun };
      if (ctrl.signal.aborted || this._remembered !== 'checking' || this._map !== remembered.map) return undefined;
      if (!result.unchanged) {
        this.log.info(`quick check: ${result.why}; ${result.changed ? 'reading those files alone' : 'the scan checks every file'}`);
        return result.changed;
      }
      this.log.info(`quick check: nothing changed since the map was kept (${Math.round(this.reopenCheck.ms)} ms)`);
      this.publish(remembered.map);
      this.noteFirstComplete();
      return folders.map(() => []);
    });
  }

  /** Shows the map the last session left, if any, marked as being checked; says whether it did. */
  private showRememberedFirst(folders: readonly vscode.WorkspaceFolder[]): boolean {
    if (!folders.length) return false;
    const readAt = performance.now();
    const remembered = this.stores.rememberedMap(folders);
    return !!remembered && this.showRemembered(remembered, 'checking', readAt);
  }

  /**
   * The map the last session left, shown before any file is read: 'checking' while a scan checks
   * it, 'unchecked' until the user asks for one.
   */
  private showRemembered(remembered: RememberedMap, mark: Remembered, readAt: number): boolean {
    if (this._map || (mark === 'unchecked' && this.started)) return false;
    const map = remembered.map;
    this.rememberedRecord = remembered;
    this.setRemembered(mark);
    this.publish(map, true);
    this.rememberedShown = { map, mark, atMs: performance.now() - this.createdAt, readMs: performance.now() - readAt };
    this.log.info(`showing the map remembered from the last session (${mark === 'checking' ? 'checking for changes' : 'not checked'})`);
    return true;
  }

  private setRemembered(mark: Remembered | undefined): void {
    if (this._remembered === mark) return;
    this._remembered = mark;
    this.rememberedChanged.fire(mark);
  }

  /** A notification once per version of a rule file with problems, not on every rescan. */
  private announceRuleProblems(files: string[], problems: string[]): void {
    const fresh = this.ruleNotices.fresh(
      files.map((file) => ({ file, stamp: fileStamp(file) })),
      problems,
    );
    if (!fresh.length) return;
    this.ruleProblemNotices++;
    const names = new Set(files.filter((f) => fresh.some((p) => p.startsWith(`${f}:`))).map((f) => path.basename(f)));
    void vscode.window
      .showWarningMessage(
        names.size === 1
          ? vscode.l10n.t('Backend Skill Map: {0} problem(s) in {1}; that file was left out of the scan.', fresh.length, [...names][0])
          : vscode.l10n.t(
              'Backend Skill Map: {0} problem(s) in {1}; those files were left out of the scan.',
              fresh.length,
              [...names].join(', '),
            ),
        vscode.l10n.t('Show log'),
      )
      .then((choice) => {
        if (choice) this.log.show(true);
      });
  }

  private merge(): SkillMap {
    return mergeMaps(this.scans.map((s) => ({ folder: s.folder.name, map: s.scanner.current() })));
  }

  private publish(map: SkillMap | undefined, remembered = false): void {
    if (!remembered) this.setRemembered(undefined);
    this._map = map;
    if (map) this.setState(map.skills.some((s) => s.evidence.length) ? 'ready' : 'empty');
    this.mapChanged.fire(map);
  }

  /** Which folder's scanner holds this file, and the file's path inside it. */
  locate(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; relPath: string; scanner: Scanner } | undefined {
    if (uri.scheme !== 'file') return undefined;
    for (const s of this.scans) {
      const rel = path.relative(s.folder.uri.fsPath, uri.fsPath);
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      return { folder: s.folder, relPath: rel.split(path.sep).join('/'), scanner: s.scanner };
    }
    return undefined;
  }

  /** Folder of a piece of evidence (multi-root label) to its file URI. */
  uriOf(file: string, folderName?: string): vscode.Uri | undefined {
    // Before the first scan (a remembered map shown), the workspace's folders themselves.
    const folders = this.scans.length ? this.scans.map((s) => s.folder) : (vscode.workspace.workspaceFolders ?? []);
    const folder = folderName ? folders.find((f) => f.name === folderName) : folders[0];
    return folder ? vscode.Uri.joinPath(folder.uri, ...file.split('/')) : undefined;
  }

  /**
   * A file was created, changed or deleted. Applied after a short pause, for that file alone. A
   * created path that cannot hold evidence itself may be a new folder: it is looked at then.
   */
  queueChange(uri: vscode.Uri, deleted: boolean, created = false): void {
    if (uri.scheme === 'file' && ruleFiles().includes(uri.fsPath)) {
      void this.rescan('rule file changed');
      return;
    }
    const where = this.locate(uri);
    if (!where) return;
    if (where.scanner.source.isExcluded(where.relPath)) return;
    const maybeFolder = created && !deleted && !where.scanner.isRelevant(where.relPath);
    if (!deleted && !maybeFolder && !where.scanner.isRelevant(where.relPath)) return;
    this.scheduler.queue(uri.toString(), { uri, deleted, maybeFolder }, (batch) => this.applyChanges(batch));
  }

  /** Applies a batch of changes, after any scan (see ScanScheduler). */
  private async applyChanges(batch: Change[]): Promise<void> {
    if (!this._catalog) return;
    const started = Date.now();
    const names: string[] = [];
    for (const { uri, deleted, maybeFolder } of batch) {
      const where = this.locate(uri);
      if (!where) continue;
      try {
        // A deletion event can arrive after the path was created again (a folder removed and
        // refilled within one debounce): what is on disk now decides.
        const now = deleted || maybeFolder ? await statOrUndefined(uri.fsPath) : undefined;
        if (maybeFolder) {
          if (!now?.isDirectory()) continue; // a new file that cannot hold evidence
          await where.scanner.addFolder(where.relPath);
        } else if (deleted && !now) where.scanner.removeFile(where.relPath);
        else if (now?.isDirectory()) await where.scanner.refreshFolder(where.relPath);
        else await where.scanner.updateFile(where.relPath);
        names.push(`${deleted && !now ? 'removed' : maybeFolder ? 'read new folder' : 'updated'} ${where.relPath}`);
      } catch (err) {
        this.log.warn(`could not update ${where.relPath}: ${(err as Error).message}`);
      }
    }
    if (!names.length) return;
    const map = this.merge();
    this.publish(map);
    this.stores.schedule(this.scans, map, this.mapInputs);
    this.log.info(`${names.join(', ')} (${Date.now() - started} ms)`);
  }

  dispose(): void {
    this.stores.dispose();
    this.rememberedChanged.dispose();
    this.scheduler.dispose();
    this.mapChanged.dispose();
    this.stateChanged.dispose();
  }
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function statOrUndefined(fsPath: string): Promise<Stats | undefined> {
  try {
    return await stat(fsPath);
  } catch {
    return undefined;
  }
}

/** Changes when the file does; 'missing' when it cannot be read. */
function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
