import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { buildId, cacheData, cacheFile, ENGINE_FLAGS, readBundle, wrapBundle } from './codeCache';

/**
 * The command's entry point: sets the engine flags, then runs the bundled CLI (`cli-main.js`) with
 * the code cache the build made for it (`cli-main.jscache`), which spares each run compiling the
 * bundle's functions again (some 20 ms of a 0.2 s scan). V8 takes a cache only when it was made by
 * the same V8 with the same flags, and refuses it otherwise: then the bundle is simply compiled as
 * usual. The build id on the bundle's first line must open the cache file too, so a cache left over
 * from another build is never used.
 */

for (const flag of ENGINE_FLAGS) setFlagsFromString(flag);

const MAIN = path.join(__dirname, 'cli-main.js');
const CACHE = path.join(__dirname, 'cli-main.jscache');
/** Set by the build only: the file to write the cache to once a run is over. */
const WRITE_CACHE = process.env.BACKEND_SKILL_MAP_WRITE_CODE_CACHE;

function readCache(id: string): Buffer | undefined {
  if (WRITE_CACHE || !existsSync(CACHE)) return undefined;
  try {
    return cacheData(id, readFileSync(CACHE));
  } catch {
    return undefined;
  }
}

const source = readBundle(MAIN);
const id = buildId(source);
const script = new Script(wrapBundle(source), { filename: MAIN, cachedData: readCache(id) });
if (WRITE_CACHE) {
  process.on('exit', () => {
    // main.ts may have stopped the young generation growing: the flag goes back to its default, so
    // that the cache records the flags a run starts with.
    setFlagsFromString('--semi-space-growth-factor=2');
    writeFileSync(WRITE_CACHE, cacheFile(id, script.createCachedData()));
  });
}
const mainModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(mainModule.exports, createRequire(MAIN), mainModule, MAIN, __dirname);
