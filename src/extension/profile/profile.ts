import * as vscode from 'vscode';
import { formatBytes, type Catalog } from '../../core';
import type { ScanSession } from '../session';
import { ProfileStorage } from './storage';
import { projectKey, recordScan, withAuthorship, withCommitDates, withoutProject, emptyStore, type ProfileStore } from './store';
import { profileSkills, type ProfileSkill } from './combine';
import { newBlames, readHistory } from './gitDates';

const OFFERED_KEY = 'backendSkillMap.profile.offered';

/** backendSkillMap.profile.enabled: on unless set to false. */
export function profileOn(): boolean {
  return vscode.workspace.getConfiguration('backendSkillMap').get<unknown>('profile.enabled') !== false;
}

/** The open workspace as the profile knows it. */
export function openProject(): { key: string; name: string; folders: string[] } | undefined {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString());
  if (!folders.length) return undefined;
  const file = vscode.workspace.workspaceFile;
  const key = projectKey(folders, file && file.scheme === 'file' ? file.toString() : undefined);
  return { key, name: vscode.workspace.name ?? folders[0], folders: file && file.scheme === 'file' ? [file.toString()] : folders };
}

/**
 * The profile across projects: remembers each completed scan of a project the user added, on this
 * machine only (nothing is sent anywhere), and offers once per workspace to add it.
 */
export class Profile implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly storage: ProfileStorage;
  private store: ProfileStore = emptyStore();
  private rows: ProfileSkill[] = [];
  private scanRunning = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly blames = newBlames();
  /** Reads of commit dates and authors still under way. */
  private readonly historyReads = new Set<Promise<void>>();
  /** How many times "Add to my profile" was offered in this window (for tests). */
  offers = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly session: ScanSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.storage = new ProfileStorage(context.globalStorageUri, log);
    this.subscriptions.push(
      session.onDidChangeState((state) => {
        if (state === 'scanning') this.scanRunning = true;
      }),
      session.onDidChangeMap(() => void this.afterScan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('backendSkillMap.profile.enabled')) void this.reload();
      }),
    );
    void this.reload();
  }

  /** Resolves once every read of commit dates and authors under way is in the store. */
  async historySettled(): Promise<void> {
    while (this.historyReads.size) await Promise.allSettled([...this.historyReads]);
  }

  get snapshot(): ProfileStore {
    return this.store;
  }
  get skills(): readonly ProfileSkill[] {
    return this.rows;
  }
  /** The catalogue, once the session has loaded it (the profile's export lists the skills not shown yet). */
  get catalog(): Catalog | undefined {
    return this.session.catalog;
  }
  get enabled(): boolean {
    return profileOn();
  }
  get includesOpenProject(): boolean {
    const open = openProject();
    return !!open && !!this.store.projects[open.key];
  }

  /** Reads the store again (another window may have written it). */
  async reload(): Promise<void> {
    try {
      this.publish(profileOn() ? await this.storage.read() : emptyStore());
    } catch (err) {
      this.log.error(`profile: ${(err as Error).message}`);
    }
  }

  private publish(store: ProfileStore): void {
    this.store = store;
    this.rows = profileSkills(store);
    void vscode.commands.executeCommand(
      'setContext',
      'backendSkillMap.profileState',
      !profileOn() ? 'off' : Object.keys(store.projects).length ? 'ready' : 'empty',
    );
    void vscode.commands.executeCommand('setContext', 'backendSkillMap.profileHasOpen', this.includesOpenProject);
    this.changed.fire();
  }

  /** Runs once a full scan has finished (not after each file update). */
  private async afterScan(): Promise<void> {
    if (!this.scanRunning) return;
    await this.session.whenIdle();
    if (!this.scanRunning || !this.session.map || (this.session.state !== 'ready' && this.session.state !== 'empty')) return;
    this.scanRunning = false;
    if (!profileOn()) return;
    await this.reload();
    if (this.includesOpenProject) await this.addOpenProject('scan');
    else if (this.session.state === 'ready') void this.offer();
  }

  /** "Add to my profile", once per workspace, dismissable. */
  private async offer(): Promise<void> {
    if (this.context.workspaceState.get<boolean>(OFFERED_KEY)) return;
    await this.context.workspaceState.update(OFFERED_KEY, true);
    this.offers++;
    const add = vscode.l10n.t('Add to my profile');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Backend Skill Map: is {0} your own work? Add it to your profile to see your skills across projects. It stays on this machine.',
        vscode.workspace.name ?? '',
      ),
      add,
      vscode.l10n.t('Not now'),
    );
    if (choice === add) await this.addOpenProject('offer');
  }

  /** Records the open project's current map (adding it to the profile when it was not in it). */
  async addOpenProject(why: 'scan' | 'offer' | 'command'): Promise<boolean> {
    const open = openProject();
    if (!open || !profileOn()) return false;
    if (why !== 'scan') {
      this.session.ensureStarted();
      await this.session.whenIdle();
    }
    const map = this.session.map;
    if (!map) return false;
    const store = await this.storage.update((s) => ({
      ...s,
      projects: { ...s.projects, [open.key]: recordScan(s.projects[open.key], open, map, new Date()) },
    }));
    this.publish(store);
    await this.logPlace(why === 'scan' ? `scan of ${open.name} remembered` : `${open.name} added`);
    const history: Promise<void> = this.addHistory(open.key).finally(() => this.historyReads.delete(history));
    this.historyReads.add(history);
    return true;
  }

  /** Commit dates and whose lines show each skill, once the scan is stored. */
  private async addHistory(key: string): Promise<void> {
    const record = this.store.projects[key];
    if (!record) return;
    const { dates, own } = await readHistory(record, this.log, this.blames);
    if (!dates.size && !own.size) return;
    const store = await this.storage.update((s) =>
      s.projects[key] ? { ...s, projects: { ...s.projects, [key]: withAuthorship(withCommitDates(s.projects[key], dates), own) } } : s,
    );
    this.publish(store);
  }

  async forget(key: string): Promise<boolean> {
    const known = !!this.store.projects[key];
    const store = await this.storage.update((s) => withoutProject(s, key));
    this.publish(store);
    if (known) await this.logPlace(`forgot a project`);
    return known;
  }

  async forgetAll(): Promise<void> {
    const store = await this.storage.update(() => emptyStore());
    this.publish(store);
    await this.logPlace('forgot every project');
  }

  async replace(store: ProfileStore, why: string): Promise<void> {
    this.publish(await this.storage.update(() => store));
    await this.logPlace(why);
  }

  /** The store's place and size, in the scan log. */
  async logPlace(what: string): Promise<void> {
    const size = await this.storage.size();
    const n = Object.keys(this.store.projects).length;
    this.log.info(
      `profile: ${what}; ${n} project(s) in ${this.storage.uri.fsPath} (${size === undefined ? 'no file' : formatBytes(size)}); nothing is sent anywhere`,
    );
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
