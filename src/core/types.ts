/**
 * Plain data shared by the engine, the CLI and the editor adapter.
 * Nothing in src/core may import 'vscode'.
 */

import type { Message } from './messages';

export type Tier = 'core' | 'advanced';
export type Strength = 'strong' | 'weak';
export type Status = 'practised' | 'started' | 'missing';

/**
 * Package ecosystems a dependency rule can name. Gradle and Maven share `maven` (group:artifact).
 * Each has a descriptor in `ecosystems/`, which the compiler holds to this list; `ECOSYSTEMS` is derived there.
 */
export type Ecosystem = 'npm' | 'pypi' | 'maven' | 'go' | 'rubygems' | 'composer' | 'cargo' | 'nuget' | 'hex' | 'swiftpm';

/**
 * Languages whose source imports are read. Each has a descriptor in `languages/`, which the compiler
 * holds to this list; the list of descriptors is derived there.
 */
export type Language = 'js' | 'python' | 'java' | 'kotlin' | 'go' | 'ruby' | 'php' | 'csharp' | 'rust' | 'elixir' | 'swift' | 'scala';

// ---------------------------------------------------------------------------
// Facts: what readers extract from one file. Rules match facts.
// ---------------------------------------------------------------------------

/** A declared, direct dependency in a manifest. `dev` is true for test/dev-only scopes. */
export interface DependencyFact {
  type: 'dependency';
  ecosystem: Ecosystem;
  /** As the manifest writes it (maven: `group:artifact`); matching folds case and spelling as the ecosystem's descriptor says. */
  name: string;
  dev: boolean;
  line: number;
}

/** A container image named by a Dockerfile FROM, a compose service, a Kubernetes pod spec or a CI service. */
export interface ImageFact {
  type: 'image';
  /** Repository without registry host, tag or digest, lower-case: `postgres`, `bitnami/redis`, `confluentinc/cp-kafka`. */
  name: string;
  line: number;
}

/** A Kubernetes-style object: a YAML document with apiVersion and kind. */
export interface KindFact {
  type: 'kind';
  apiVersion: string;
  kind: string;
  line: number;
}

/** A module imported by source code. */
export interface ImportFact {
  type: 'import';
  language: Language;
  /** As written: `ioredis`, `@nestjs/graphql`, `redis.asyncio`, `org.apache.kafka.clients.producer.KafkaProducer`, `github.com/redis/go-redis/v9`. */
  module: string;
  line: number;
  /** A TypeScript `import type`: the module's types only, weak evidence. */
  typeOnly?: boolean;
}

/**
 * A Kubernetes workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Argo Rollout, Knative
 * Service) or a Service, as combining needs it to find deployable units and who calls whom
 * (combine/workloads.ts). In a Helm template, a name, label, image or env value made of chart values
 * is kept in its canonical template form (`{{.Values.cart.name}}`, readers/formats/goTemplate.ts), for
 * combining to resolve against the chart's `values.yaml`; anything else a template computes is left out.
 */
export interface WorkloadFact {
  type: 'workload';
  kind: string;
  /** `metadata.name`; '' when a template computes it otherwise than from chart values. */
  name: string;
  line: number;
  /** Workloads: its containers' images (`imageName` form). */
  images: string[];
  /** Workloads: its pod template's labels; Services: their selector; as `key=value`. */
  labels: string[];
  /** Workloads: the Service hosts its containers' env values, args and command name, each with its line. */
  calls: [host: string, line: number][];
  /** A Knative Service is a workload and the Service that reaches it. */
  service?: true;
  /** Helm templates: env values, args and command made of chart values, each with its line and whether it is a host variable's. */
  templated?: [value: string, line: number, bare: boolean][];
}

/** A Helm chart's `values.yaml`: its scalar values by dotted path (`image.repository`), for resolving its templates. */
export interface ChartValuesFact {
  type: 'chartValues';
  line: number;
  values: [path: string, value: string][];
}

export type Fact = DependencyFact | ImageFact | KindFact | ImportFact | WorkloadFact | ChartValuesFact;

/** What a reader returns for one file. A reader never throws for bad input: it returns `skipped`. */
export interface ReadResult {
  facts: Fact[];
  /** Set when the file could not be understood (malformed, unsupported encoding...). Facts may still hold what was read before the problem. */
  skipped?: string;
}

/** A reader handles one family of files. `matches` is called with the workspace-relative POSIX path. */
export interface Reader {
  name: string;
  /**
   * False when no file of this base name is the reader's, wherever it is: lets the scanner rule most
   * readers out once per name rather than once per path. (`matches` implies `claims` of the base name.)
   */
  claims?(baseName: string): boolean;
  matches(relPath: string): boolean;
  read(relPath: string, text: string): ReadResult;
}

// ---------------------------------------------------------------------------
// The catalogue (skills/*.yaml)
// ---------------------------------------------------------------------------

export interface DependencyMatcher {
  ecosystem: Ecosystem;
  /** Exact names, or patterns where `*` stands for any run of characters (`@nestjs/*`, `org.springframework.kafka:*`). */
  names: string[];
  /** Strength of a match found in a dev/test scope: `weak` (default), `strong` (for testing tools), or `ignore`. */
  dev?: 'weak' | 'strong' | 'ignore';
}

export interface ImageMatcher {
  names: string[];
}
export interface KindMatcher {
  kinds: string[];
  apiVersions?: string[];
}
export interface ImportMatcher {
  languages: Language[];
  /** A module matches when it equals a name or starts with it followed by a separator (`/`, `.`, `::`, `\\`). `*` is a wildcard. */
  modules: string[];
}
export interface FileMatcher {
  paths: string[];
}
export interface ContentMatcher {
  /** Globs for the files to look in (workspace-relative, POSIX). */
  files: string[];
  /** A JavaScript regular expression tested against each line that is not a comment. */
  pattern: string;
  ignoreCase?: boolean;
  /**
   * Modules (as import rules name them) of which a source file must import one for the pattern to be
   * tried there: a Kafka listener pattern only in files that import a Kafka client. As a list, every
   * file the rule looks in is held to it; with `languages`, only the files of those languages (a
   * pattern shared by several languages scoped in Java and Kotlin alone).
   */
  imports?: string[] | ScopedImports;
}

/** Modules a content rule needs imported in the files of some languages; other files are not held to them. */
export interface ScopedImports {
  languages: Language[];
  modules: string[];
}

/** Evidence a combining rule counts: that of rules whose id fits `rule` (`*` is a wildcard), or of any rule of `skill`. */
export interface FactSelector {
  rule?: string;
  skill?: string;
  /** Only evidence of this strength. */
  strength?: Strength;
  /** The unit talks to another unit: a Kubernetes workload of one names the other's Service (combine/workloads.ts). */
  talksToUnit?: true;
  /** The unit is deployed on its own: its own container build or serverless template, or a Kubernetes workload of its image. */
  deployedUnit?: true;
}

/**
 * A rule over the evidence of other rules, across files. `allOf`: every selector is met; `anyOf`:
 * at least `atLeast` (default 1) of them are. With `units`, the condition must hold within each of at
 * least that many deployable units (folders built and deployed on their own), not across the workspace.
 */
export interface CombineMatcher {
  allOf?: FactSelector[];
  anyOf?: FactSelector[];
  atLeast?: number;
  units?: number;
}

export interface Rule {
  /** `skill-id/local-id`. */
  id: string;
  skill: string;
  technology: string;
  strength: Strength;
  /** Id of the further-practice item this rule ticks, if any. */
  practice?: string;
  /** On a rule that ticks an item: its technology is one of the skill's own all the same (see technologies.ts). */
  listed?: true;
  /** When `technology` names a mechanism or practice (HSTS, rate limiting), the framework, language or service it was found through. */
  via?: string;
  dependency?: DependencyMatcher;
  image?: ImageMatcher;
  kind?: KindMatcher;
  import?: ImportMatcher;
  file?: FileMatcher;
  content?: ContentMatcher;
  combine?: CombineMatcher;
  examples: { positive: Record<string, string>[]; negative: Record<string, string>[] };
  /** Where the rule was defined, for messages. */
  source: { file: string; line: number };
}

export interface PracticeItem {
  id: string;
  title: string;
  /** False when what ticks the item is shown under it only, never among the skill's technologies (see technologies.ts). */
  listed?: boolean;
}
export interface Link {
  title: string;
  url: string;
}

export interface Skill {
  id: string;
  title: string;
  tier: Tier;
  summary: string;
  /** What makes the skill practised, in a phrase ("code that sets an expiry or reads through a cache"). */
  proof?: string;
  learningTime: string;
  /** Lower bound of the learning time, in months, for ranking. */
  learningMonths: number;
  prerequisites: string[];
  /** Skills this one naturally grows out of (used to explain suggestions). */
  buildsOn: string[];
  howToLearn: string[];
  practice: PracticeItem[];
  links: Link[];
  /** Position in the default learning order (0 first). */
  order: number;
}

/**
 * A soft skill (skills/soft/<id>.yaml): guidance only. No file proves it; its rules find signals
 * that may relate to it, always weak, and never count towards the 21 technical skills.
 */
export interface SoftSkill {
  id: string;
  title: string;
  summary: string;
  howToPractise: string[];
  links: Link[];
  /** Position in the group (0 first). */
  order: number;
}

export interface Catalog {
  skills: Skill[];
  /** Shown in their own group; their rules (in `rules`, weak only) give signals, never a status. */
  softSkills: SoftSkill[];
  rules: Rule[];
  /**
   * Per skill, the technologies its rules detect, strong ones first, as a missing skill's reason
   * names them. A compiled catalogue carries it so that a map without evidence needs no rule; when
   * absent it is derived from `rules`.
   */
  lookedFor?: Readonly<Record<string, readonly string[]>>;
  /** A hash of the compiled catalogue, taken at build time (a scan store's key); absent on a catalogue built in memory. */
  identity?: string;
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

export interface Evidence {
  /** Workspace-relative POSIX path. */
  file: string;
  /** 1-based. */
  line: number;
  technology: string;
  /** Set from the rule's `via`: what the technology was found through (HSTS via ASP.NET Core). */
  via?: string;
  rule: string;
  strength: Strength;
  /** Workspace folder name, set only in multi-root scans. */
  folder?: string;
}

export interface PracticeResult {
  id: string;
  title: string;
  done: boolean;
  /** What ticked the item, most telling first (see technologies.ts); empty when not done. */
  technologies: string[];
}

export interface SkillResult {
  id: string;
  title: string;
  tier: Tier;
  status: Status;
  /** The technologies of this skill found, most telling first; what only ticks a further-practice item of another skill's kind is under `practice` (see technologies.ts). */
  technologies: string[];
  evidence: Evidence[];
  practice: PracticeResult[];
  /** Why the skill has its status, in one or two sentences (see reasons.ts). */
  reason: string;
  /** The same as a message, for an editor that shows it in its own language. */
  reasonMessage: Message;
}

/** A soft skill in a map: the workspace signals that may relate to it (hints, never proof). */
export interface SoftSkillResult {
  id: string;
  title: string;
  /** Names of the signals found, most places first. */
  technologies: string[];
  /** Always weak evidence. */
  signals: Evidence[];
}

export interface Skipped {
  file: string;
  reason: string;
}

export interface ScanStats {
  files: number;
  bytesRead: number;
  /** Files whose content was read (a file taken unchanged from a scan store is not). */
  filesRead?: number;
  /** Files taken unchanged from a scan store, when one was used. */
  cacheHits?: number;
  ms: number;
}

export interface SkillMap {
  version: 1;
  root: string;
  skills: SkillResult[];
  /** The soft skills, after the technical ones; they have no status. */
  softSkills: SoftSkillResult[];
  skipped: Skipped[];
  stats: ScanStats;
}

export interface Suggestion {
  id: string;
  title: string;
  tier: Tier;
  status: Status;
  learningTime: string;
  score: number;
  reason: string;
  /** The reason's parts as messages, for an editor that shows them in its own language. */
  reasonMessages: Message[];
}
