/**
 * Gradle build scripts (`build.gradle`, `build.gradle.kts`) and version catalogs (`gradle/*.versions.toml`).
 * Dependencies are reported as Maven `group:artifact`; plugins by their plugin id. Catalog references in
 * scripts (`libs.foo.bar`) cannot be resolved from one file and are left out: the catalog itself is read.
 */
import type { Reader } from '../types';
import { Collector, MAX_FACTS, isRecord, makeReader } from './manifest';
import { blankComments } from './formats/comments';
import { TomlLocator, parseTomlText } from './formats/toml';

const GRADLE_COMMENTS = { line: ['//'], block: true, quotes: `'"` };

const PLAIN_CONFIGS = new Set([
  'implementation',
  'api',
  'compile',
  'runtime',
  'runtimeOnly',
  'compileOnly',
  'compileOnlyApi',
  'annotationProcessor',
  'kapt',
  'ksp',
  'classpath',
  'developmentOnly',
  'testAndDevelopmentOnly',
  'providedCompile',
  'providedRuntime',
]);
const CONFIG_SUFFIX = /^[a-z][A-Za-z0-9]*(Implementation|Api|CompileOnly|RuntimeOnly|AnnotationProcessor|Compile|Runtime)$/;
const DEV_CONFIG =
  /^(test|androidTest|integrationTest|intTest|functionalTest|e2eTest|acceptanceTest|testFixtures|kaptTest|kaptAndroidTest|kspTest|kspAndroidTest|developmentOnly|testAndDevelopmentOnly)|Test[A-Z]|Test$/;

function isConfiguration(name: string): boolean {
  return PLAIN_CONFIGS.has(name) || CONFIG_SUFFIX.test(name) || /^(kapt|ksp)[A-Z]\w*$/.test(name);
}

const COORDINATE = /(["'])([A-Za-z0-9_.-]{1,200}):([A-Za-z0-9_.-]{1,200})(?::[^"'\s]{0,200})?\1/g;
const GROUP_NAME = /\bgroup\s*[:=]\s*["']([A-Za-z0-9_.-]{1,200})["']\s*,\s*name\s*[:=]\s*["']([A-Za-z0-9_.-]{1,200})["']/;
const KOTLIN_MODULE = /\bkotlin\s*\(\s*["']([A-Za-z0-9_.-]{1,100})["']/;
const PLATFORM = /\b(?:enforcedPlatform|platform)\s*\(\s*(["'])[^"']{0,400}\1\s*\)/g;

/** Where a closure opens after a dependency notation: the first `{` outside a string, so that a Groovy or Kotlin
 * template in the notation (`"com.acme:lib:${libVersion}"`) is not taken for one. -1 when none. */
function closureStart(text: string): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') return i;
  }
  return -1;
}

function readScript(text: string, out: Collector): void {
  const lines = blankComments(text, GRADLE_COMMENTS).split('\n');
  let depth = 0;
  let plugins = -1;
  for (let i = 0; i < lines.length && out.facts.length < MAX_FACTS; i++) {
    const full = lines[i];
    if (full.length < 2 && !full.trim()) continue;
    const line = full.length > 4000 ? full.slice(0, 4000) : full;
    const lineNo = i + 1;
    const conf = /^\s*([A-Za-z][A-Za-z0-9]{0,80})\s*(\(|\s)(.*)$/.exec(line);
    if (conf && isConfiguration(conf[1])) {
      const dev = DEV_CONFIG.test(conf[1]);
      const brace = closureStart(conf[3]);
      // Boms (`platform(...)`) pin versions without using anything; closures after the call hold excludes.
      const rest = (brace >= 0 ? conf[3].slice(0, brace) : conf[3]).replace(PLATFORM, '');
      const kotlin = KOTLIN_MODULE.exec(rest);
      const map = GROUP_NAME.exec(rest);
      if (kotlin) out.add(`org.jetbrains.kotlin:kotlin-${kotlin[1]}`, dev, lineNo);
      else if (map) out.add(`${map[1]}:${map[2]}`, dev, lineNo);
      else for (const m of rest.matchAll(COORDINATE)) out.add(`${m[2]}:${m[3]}`, dev, lineNo);
    } else if (plugins >= 0 || /^\s*id\s*[("']/.test(line)) {
      const id = /^\s*id\s*\(?\s*["']([A-Za-z][A-Za-z0-9_.-]{0,200})["']/.exec(line);
      const kotlin = /^\s*kotlin\s*\(\s*["']([A-Za-z0-9_.-]{1,100})["']\s*\)/.exec(line);
      if (id) out.add(id[1], false, lineNo);
      else if (kotlin && plugins >= 0) out.add(`org.jetbrains.kotlin.${kotlin[1]}`, false, lineNo);
    }
    const applied = /\bapply\s*\(?\s*plugin\s*[:=]\s*["']([A-Za-z][A-Za-z0-9_.-]{0,200})["']/.exec(line);
    if (applied) out.add(applied[1], false, lineNo);
    if (/^\s*plugins\s*\{/.test(line)) {
      plugins = depth;
      for (const m of line.matchAll(/\bid\s*\(?\s*["']([A-Za-z][A-Za-z0-9_.-]{0,200})["']/g)) out.add(m[1], false, lineNo);
    }
    for (let k = 0; k < full.length; k++) {
      const c = full[k];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth < 0) {
          out.skip(`unbalanced '}' at line ${lineNo}`);
          depth = 0;
        }
        if (plugins >= 0 && depth <= plugins) plugins = -1;
      }
    }
  }
  if (depth > 0) out.skip(`unbalanced braces: ${depth} block(s) never closed`);
}

const TEST_TOKENS = new Set([
  'test',
  'tests',
  'testing',
  'testcontainers',
  'testfixtures',
  'testng',
  'junit',
  'junit4',
  'junit5',
  'junit-jupiter',
  'mockito',
  'mockk',
  'assertj',
  'kotest',
  'espresso',
  'robolectric',
  'hamcrest',
]);

function testLooking(...ids: string[]): boolean {
  return ids.some((id) =>
    id
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((t) => TEST_TOKENS.has(t) || /^(junit|mockito|kotest|assertj)/.test(t)),
  );
}

function readCatalog(text: string, out: Collector): void {
  const parsed = parseTomlText(text);
  if (!parsed.value) {
    out.skip(parsed.error ?? 'invalid TOML');
    return;
  }
  const loc = new TomlLocator(text);
  const libs = parsed.value.libraries;
  if (isRecord(libs)) {
    for (const [alias, v] of Object.entries(libs)) {
      let coord: string | undefined;
      if (typeof v === 'string') coord = v;
      else if (isRecord(v)) {
        if (typeof v.module === 'string') coord = v.module;
        else if (typeof v.group === 'string' && typeof v.name === 'string') coord = `${v.group}:${v.name}`;
      }
      const m = coord ? /^([^:\s]+):([^:\s]+)/.exec(coord) : null;
      if (!m) continue;
      const name = `${m[1]}:${m[2]}`;
      out.add(name, testLooking(alias, name), loc.keyLine(['libraries'], alias));
    }
  }
  const plugins = parsed.value.plugins;
  if (isRecord(plugins)) {
    for (const [alias, v] of Object.entries(plugins)) {
      const id = typeof v === 'string' ? v.split(':')[0] : isRecord(v) && typeof v.id === 'string' ? v.id : undefined;
      if (id && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(id)) out.add(id, false, loc.keyLine(['plugins'], alias));
    }
  }
}

export const gradleReader: Reader = makeReader(
  'gradle',
  { named: (b) => b === 'build.gradle' || b === 'build.gradle.kts' || (b.endsWith('.versions.toml') && b.length > 14) },
  (p, text) => {
    const out = new Collector('maven');
    if (p.endsWith('.toml')) readCatalog(text, out);
    else readScript(text, out);
    return out.result();
  },
);
