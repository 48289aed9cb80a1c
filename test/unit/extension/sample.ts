import type { Catalog, Skill, SkillMap, SkillResult, SoftSkill } from '../../../src/core';

/** A two-skill catalogue and map, written out by hand so the adapter's pure parts can be tested alone. */
export function sampleSkill(over: Partial<Skill> = {}): Skill {
  return {
    id: 'caching',
    title: 'Advanced caching strategies',
    tier: 'advanced',
    summary: 'Keep hot data in memory with Redis or Memcached.',
    learningTime: '2–4 months',
    learningMonths: 2,
    prerequisites: ['databases'],
    buildsOn: [],
    howToLearn: ['Run Redis locally.', 'Cache one slow query with an expiry.'],
    practice: [
      { id: 'api-cache', title: 'Cache API responses' },
      { id: 'sessions', title: 'Keep sessions in a shared cache' },
    ],
    links: [
      { title: 'Redis docs', url: 'https://redis.io/docs/' },
      { title: 'Not https', url: 'http://example.com/' },
      { title: 'Script link', url: 'javascript:alert(1)' },
    ],
    order: 20,
    ...over,
  };
}

export function sampleSoftSkill(over: Partial<SoftSkill> = {}): SoftSkill {
  return {
    id: 'attention-to-detail',
    title: 'Attention to detail',
    summary: 'Catch small mistakes before they grow.',
    howToPractise: ['Read your own diff.', 'Let a linter do the routine checks.'],
    links: [{ title: 'ESLint', url: 'https://eslint.org/' }],
    order: 5,
    ...over,
  };
}

export function sampleResult(over: Partial<SkillResult> = {}): SkillResult {
  return {
    id: 'caching',
    title: 'Advanced caching strategies',
    tier: 'advanced',
    status: 'practised',
    reason: 'Practised: Redis at package.json:12.',
    reasonMessage: { id: 'practised', template: 'Practised: {0} at {1}.', args: ['Redis', 'package.json:12'] },
    technologies: ['Redis'],
    evidence: [
      { file: 'package.json', line: 12, technology: 'Redis', rule: 'caching/redis-npm', strength: 'strong' },
      { file: 'src/cache.ts', line: 3, technology: 'Redis', rule: 'caching/redis-import', strength: 'weak' },
    ],
    practice: [
      { id: 'api-cache', title: 'Cache API responses', done: true, technologies: ['Redis'] },
      { id: 'sessions', title: 'Keep sessions in a shared cache', done: false, technologies: [] },
    ],
    ...over,
  };
}

export function sampleCatalog(): Catalog {
  const databases = sampleSkill({
    id: 'databases',
    title: 'Databases',
    tier: 'core',
    prerequisites: [],
    practice: [{ id: 'indexing', title: 'Add indexes' }],
    order: 1,
  });
  const testing = sampleSkill({ id: 'testing', title: 'Testing', tier: 'core', prerequisites: [], practice: [], order: 8 });
  return {
    skills: [databases, testing, sampleSkill()],
    softSkills: [sampleSoftSkill(), sampleSoftSkill({ id: 'teamwork', title: 'Teamwork', order: 2 })],
    rules: [],
  };
}

export function sampleMap(): SkillMap {
  return {
    version: 1,
    root: '/w',
    skills: [
      sampleResult({
        id: 'databases',
        title: 'Databases',
        tier: 'core',
        technologies: ['PostgreSQL'],
        evidence: [{ file: 'package.json', line: 10, technology: 'PostgreSQL', rule: 'databases/postgres-npm', strength: 'strong' }],
        practice: [{ id: 'indexing', title: 'Add indexes', done: false, technologies: [] }],
        reason: 'Practised: PostgreSQL at package.json:10.',
        reasonMessage: { id: 'practised', template: 'Practised: {0} at {1}.', args: ['PostgreSQL', 'package.json:10'] },
      }),
      sampleResult({
        id: 'testing',
        title: 'Testing',
        tier: 'core',
        status: 'missing',
        technologies: [],
        evidence: [],
        practice: [],
        reason: 'Not shown yet: nothing found. Looked for Jest.',
        reasonMessage: { id: 'missing', template: 'Not shown yet: nothing found. Looked for {0}.', args: ['Jest'] },
      }),
      sampleResult(),
    ],
    softSkills: [
      {
        id: 'attention-to-detail',
        title: 'Attention to detail',
        technologies: ['Linter'],
        signals: [
          { file: 'eslint.config.mjs', line: 1, technology: 'Linter', rule: 'attention-to-detail/linter-config', strength: 'weak' },
        ],
      },
      { id: 'teamwork', title: 'Teamwork', technologies: [], signals: [] },
    ],
    skipped: [],
    stats: { files: 3, bytesRead: 100, ms: 1 },
  };
}
