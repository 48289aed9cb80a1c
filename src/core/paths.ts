/** What a workspace-relative path says about the file, independent of any rule. */
import { LANGUAGE_DESCRIPTORS, languageOf, sourceCommentMarkers } from './languages';

/**
 * Test folders (`test/`, `tests/`, Jest's `__tests__/`, whatever the language: mocha's and pytest's
 * defaults, Ant-era Java's), fixture, example, sample and snippet folders, with a leading `_` too
 * (Go tools skip `_examples/`, and other ecosystems borrow the name), and end-to-end test folders
 * (`e2e/`, `e2e-tests/`): code kept to show or test the project, not to run it.
 */
const FIXTURE_FOLDER =
  /(?:^|\/)_?(?:fixtures?|__fixtures__|examples?|samples?|snippets?|e2e(?:[-_]tests?)?|tests?|__tests__|testdata|test-data|__snapshots__)\//i;

/** A JVM source root (`src/main/java/`, `src/test/kotlin/`, `src/integrationTest/scala/`...): below it, folders are package names. */
const JVM_SOURCE_ROOT = /(?:^|\/)src\/[A-Za-z]+\/(?:java|kotlin|scala|groovy)\//;

/**
 * A JVM test source root: Maven's and Gradle's `src/test/java/`, and Gradle's other test suites
 * (`src/integrationTest/kotlin/`, `src/testFixtures/java/`). Every file below one is test code,
 * whatever its name.
 */
const JVM_TEST_ROOT = /(?:^|\/)src\/(?:test\w*|\w+Test)\/(?:java|kotlin|scala|groovy)\//;

/**
 * A test file by its name, as the test runners of its language find them (`x.test.ts`, `x_test.go`,
 * `test_x.py`, `x_spec.rb`, `OrderTests.swift`: each language's `testFile`), and the helpers they
 * share. What a test imports or starts is what it tests, not what the project is built on. Asked of
 * every file read: the language is looked up only for a base name that names a test or spec.
 */
function isTestFileName(relPath: string): boolean {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  if (!base.includes('test') && !base.includes('spec') && !base.includes('Test') && !base.includes('Spec')) return false;
  return languageOf(base)?.testFile?.test(base) ?? false;
}

/** Every language's test folders (`tests`, `benches`), as path segments to look for before the language is asked. */
const TEST_FOLDER_SEGMENTS = [...new Set(LANGUAGE_DESCRIPTORS.flatMap((d) => d.testFolders ?? []))].map((f) => `${f}/`);

/** A file under a folder that its language's build tool keeps for tests (Cargo's `tests/` and `benches/`). */
function inTestFolder(relPath: string): boolean {
  if (!TEST_FOLDER_SEGMENTS.some((segment) => relPath.includes(segment))) return false;
  const folders = languageOf(relPath)?.testFolders;
  return folders?.some((f) => relPath.startsWith(`${f}/`) || relPath.includes(`/${f}/`)) ?? false;
}

/**
 * Test files, JVM test sources, a language's test folders and files under fixture, example and
 * sample folders prove only Testing. Below a JVM source root the folders spell a package, and
 * `com/example/demo` (Spring Initializr's default) is the project's own code: only the folders above
 * the root count there.
 */
export function isFixturePath(relPath: string): boolean {
  if (isTestFileName(relPath) || JVM_TEST_ROOT.test(relPath) || inTestFolder(relPath)) return true;
  if (!FIXTURE_FOLDER.test(relPath)) return false;
  const root = JVM_SOURCE_ROOT.exec(relPath);
  return root ? FIXTURE_FOLDER.test(relPath.slice(0, root.index + root[0].length)) : true;
}

const PROSE = /\.(md|markdown|mdx|txt|rst|adoc|asciidoc|org|rtf|html?)$/i;
const REQUIREMENTS = /(^|\/)[^/]*requirements[^/]*\.(txt|in)$/i;

/** Prose never proves a skill by its words; requirements files are manifests, not prose. */
export function isProse(relPath: string): boolean {
  return PROSE.test(relPath) && !REQUIREMENTS.test(relPath);
}

const HASH = ['#'];
const SLASH = ['//', '/*', '*'];
/** Source files whose imports are read take their markers from their language (src/core/languages). */
const COMMENT_MARKERS: Record<string, readonly string[]> = {
  yml: HASH,
  yaml: HASH,
  toml: HASH,
  sh: HASH,
  bash: HASH,
  zsh: HASH,
  conf: HASH,
  cfg: HASH,
  properties: HASH,
  env: HASH,
  r: HASH,
  pl: HASH,
  dockerfile: HASH,
  mk: HASH,
  nginx: HASH,
  graphql: HASH,
  gql: HASH,
  ini: ['#', ';'],
  tf: ['#', '//', '/*', '*'],
  hcl: ['#', '//', '/*', '*'],
  fs: SLASH,
  c: SLASH,
  h: SLASH,
  cpp: SLASH,
  scala: SLASH,
  groovy: SLASH,
  gradle: SLASH,
  proto: SLASH,
  prisma: SLASH,
  json5: SLASH,
  dart: SLASH,
  sql: ['--', '/*', '*'],
  xml: ['<!--'],
  csproj: ['<!--'],
  fsproj: ['<!--'],
  props: ['<!--'],
  config: ['<!--'],
  json: [],
  ...sourceCommentMarkers(),
};
const BY_NAME: Record<string, string[]> = {
  dockerfile: HASH,
  containerfile: HASH,
  gemfile: HASH,
  procfile: HASH,
  makefile: HASH,
  pipfile: HASH,
  jenkinsfile: SLASH,
  caddyfile: HASH,
  vagrantfile: HASH,
  rakefile: HASH,
  brewfile: HASH,
};

/**
 * A template engine's suffix: `nginx.conf.j2`, `haproxy.cfg.erb` or `default.conf.tmpl` is read as the
 * file it renders, whose own comment markers hold, and a line that opens with the engine's comment
 * (Jinja `{#`, ERB `<%#`, Go templates' `{{/*`, Mustache `{{!`) renders to nothing.
 */
const TEMPLATE_SUFFIX = /\.(?:j2|jinja2?|erb|tmpl|tpl|template|mustache|hbs|gotmpl|tftpl)$/;

/** Suffixes a YAML file is kept under as a template: krane's `ingress.yml.erb`, Ansible's `compose.yaml.j2`, Go's `.tmpl`. */
export const YAML_TEMPLATE_SUFFIXES = ['erb', 'j2', 'jinja', 'jinja2', 'tmpl', 'tpl', 'gotmpl', 'template'];
const ANY_YAML = /\*\.(?:yaml|yml|\{yaml,yml\}|\{yml,yaml\})$/;

/**
 * A content rule's glob, and for one that takes any YAML file of a folder (`**` + `/*.yaml`), the same
 * glob for each template of a YAML file, one glob per suffix (each is then found by its ending, not
 * tried on every file). A template's lines are the YAML it renders, with tags in places.
 */
export function withYamlTemplates(glob: string): string[] {
  if (!ANY_YAML.test(glob)) return [glob];
  const stem = glob.slice(0, glob.lastIndexOf('*.'));
  const exts = glob.endsWith('}') ? ['yaml', 'yml'] : [glob.slice(glob.lastIndexOf('.') + 1)];
  return [glob, ...exts.flatMap((ext) => YAML_TEMPLATE_SUFFIXES.map((t) => `${stem}*.${ext}.${t}`))];
}
const TEMPLATE_COMMENTS = ['{#', '<%#', '{{/*', '{{- /*', '{{-/*', '{{!'];

/** Line prefixes that start a comment in this kind of file. */
export function commentMarkers(relPath: string): readonly string[] {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  const template = TEMPLATE_SUFFIX.exec(base);
  if (template) return [...fileCommentMarkers(base.slice(0, template.index)), ...TEMPLATE_COMMENTS];
  return fileCommentMarkers(base);
}

function fileCommentMarkers(base: string): readonly string[] {
  const byName = BY_NAME[base] ?? (base.startsWith('dockerfile') || base.startsWith('containerfile') ? HASH : undefined);
  if (byName) return byName;
  const dot = base.lastIndexOf('.');
  if (dot < 0) return ['#', '//'];
  return COMMENT_MARKERS[base.slice(dot + 1)] ?? ['#', '//'];
}
