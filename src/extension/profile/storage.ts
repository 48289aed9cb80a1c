import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core';
import { emptyStore, parseStore, serializeStore, type ProfileStore } from './store';

const FILE = 'profile.json';

/**
 * The profile file in the extension's global storage. Every change reads the file again first, so
 * that two windows do not undo each other's scans, and is written atomically: a temporary file
 * beside it, then a rename over it. A file that cannot be read, or that a newer version wrote, is
 * renamed aside with a suffix and announced; it is never overwritten or dropped.
 */
export class ProfileStorage {
  /** How many stores were set aside (for tests). */
  setAside = 0;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, FILE);
  }

  /** The store as it is on disk (empty when there is none, or after setting a bad one aside). */
  async read(): Promise<ProfileStore> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch {
      return emptyStore();
    }
    const checked = parseStore(new TextDecoder().decode(bytes));
    if ('store' in checked) return checked.store;
    const aside = vscode.Uri.joinPath(this.dir, `${FILE}.${checked.kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    try {
      await vscode.workspace.fs.rename(this.uri, aside, { overwrite: false });
    } catch (err) {
      // Not renamed: keep it, and do not write over it either.
      this.log.error(`profile: ${this.uri.fsPath}: ${checked.problem}, and it could not be set aside: ${(err as Error).message}`);
      throw new Error(`the profile store could not be used (${checked.problem})`, { cause: err });
    }
    this.setAside++;
    this.log.warn(`profile: ${this.uri.fsPath}: ${checked.problem}; set aside as ${aside.fsPath}, starting a new profile`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Backend Skill Map: the profile store could not be used ({0}). It was set aside as {1} and a new profile was started.',
        checked.problem,
        aside.fsPath,
      ),
    );
    return emptyStore();
  }

  /** Reads, changes and writes the store, one change at a time. */
  update(change: (store: ProfileStore) => ProfileStore): Promise<ProfileStore> {
    const next = this.chain.then(async () => {
      const store = change(await this.read());
      await this.write(store);
      return store;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(store: ProfileStore): Promise<void> {
    // A local file is replaced by one rename, which the system makes atomic. The editor's rename with
    // overwrite deletes the old file first: a window closing between the two steps lost the profile.
    if (this.uri.scheme === 'file') return writeFileAtomic(this.uri.fsPath, serializeStore(store));
    await vscode.workspace.fs.createDirectory(this.dir);
    const temp = vscode.Uri.joinPath(this.dir, `${FILE}.${process.pid}-${Date.now()}.tmp`);
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(serializeStore(store)));
    await vscode.workspace.fs.rename(temp, this.uri, { overwrite: true });
  }

  /** The file's size in bytes, or undefined when there is none. */
  async size(): Promise<number | undefined> {
    try {
      return (await vscode.workspace.fs.stat(this.uri)).size;
    } catch {
      return undefined;
    }
  }
}
