/**
 * The few asynchronous file-system calls a listing makes, as promises over Node's callback API.
 * `fs.promises` would do the same, but its module loads a dozen internal ones the first time it is
 * touched (some 1.5–2.5 ms of every command's start, an empty folder's scan included).
 */
import { close, open, read, readdir, realpath, type Dirent } from 'node:fs';

function settle<T>(resolve: (value: T) => void, reject: (err: unknown) => void) {
  return (err: NodeJS.ErrnoException | null, value: T) => (err ? reject(err) : resolve(value));
}

/** The path with every link resolved, by the system's realpath (as `fs.promises.realpath`). */
export function realPath(p: string): Promise<string> {
  return new Promise((resolve, reject) => realpath.native(p, settle(resolve, reject)));
}

export function entriesOf(dir: string): Promise<Dirent[]> {
  return new Promise((resolve, reject) => readdir(dir, { withFileTypes: true }, settle(resolve, reject)));
}

/** Up to `max` bytes from the start of a file, opened with `flags`, as UTF-8 text. */
export function readStart(p: string, flags: number, max: number): Promise<string> {
  return new Promise((resolve, reject) =>
    open(p, flags, (err, fd) => {
      if (err) return reject(err);
      const buf = Buffer.alloc(max);
      read(fd, buf, 0, max, 0, (readErr, bytesRead) =>
        close(fd, (closeErr) => {
          if (readErr || closeErr) reject(readErr ?? closeErr);
          else resolve(buf.subarray(0, bytesRead).toString('utf8'));
        }),
      );
    }),
  );
}
