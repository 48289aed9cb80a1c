/**
 * sbt builds: `build.sbt` and the other `*.sbt` files (`project/plugins.sbt`), and the Scala files of
 * the build's own `project/` folder, where larger builds keep their dependency lists
 * (`project/Dependencies.scala`). A module is written `"group" % "artifact" % "version"`, or with
 * `%%` (`%%%` for Scala.js) when sbt appends the Scala version to the artifact; each is reported as
 * the Maven `group:artifact` it names, without that suffix, so that the Maven rules apply. A module
 * scoped to `Test` or `IntegrationTest` (or a `"test"` configuration) is a development dependency;
 * `addSbtPlugin(...)` names a build plugin (Play's `sbt-plugin`). Version overrides and excluded modules add nothing.
 */
import type { Reader } from '../types';
import { Collector, MAX_FACTS, makeReader } from './manifest';
import { blankComments } from './formats/comments';

const SBT_COMMENTS = { line: ['//'], block: true, quotes: `"` };

/** `"group" %% "artifact"`, then the rest of the module (`% "1.0" % Test`): its version and configuration. */
const MODULE = /"([A-Za-z0-9_.-]{1,200})"\s*%{1,3}\s*"([A-Za-z0-9_.-]{1,200})"((?:\s*%\s*(?:"[^"\n]{0,200}"|[A-Za-z_][\w.]{0,100}))*)/g;
const TEST_SCOPE = /%\s*(?:(?:Test|IntegrationTest|It)\b|"(?:test|it)(?:[,-][^"]*)?")/;
/** Settings that pin or drop modules without depending on them (`exclude("g", "a")` after a module names one without `%`). */
const NOT_A_DEPENDENCY = /\b(?:dependencyOverrides|excludeDependencies)\b/;

function readSbt(text: string, out: Collector): void {
  const lines = blankComments(text, SBT_COMMENTS).split('\n');
  for (let i = 0; i < lines.length && out.facts.length < MAX_FACTS; i++) {
    const line = lines[i].length > 4000 ? lines[i].slice(0, 4000) : lines[i];
    if (!line.includes('%') || NOT_A_DEPENDENCY.test(line)) continue;
    for (const m of line.matchAll(MODULE)) out.add(`${m[1]}:${m[2]}`, TEST_SCOPE.test(m[3]), i + 1);
  }
}

/** A Scala file of the build definition: directly in a `project/` folder beside a build. */
function inBuildProject(relPath: string): boolean {
  return /(^|\/)project\/[^/]+\.scala$/.test(relPath);
}

export const sbtReader: Reader = makeReader(
  'sbt',
  { named: (b) => b.endsWith('.sbt') || b.endsWith('.scala'), where: (p) => p.endsWith('.sbt') || inBuildProject(p) },
  (_p, text) => {
    const out = new Collector('maven');
    readSbt(text, out);
    return out.result();
  },
);
