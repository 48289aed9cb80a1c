import * as vscode from 'vscode';
import { evidenceInText, type Evidence, type Rule, type Skill, type SkillResult } from '../core';
import { MANIFEST_GLOBS } from '../core/ecosystems';
import { SOURCE_EXTENSIONS } from '../core/languages';
import { YAML_TEMPLATE_SUFFIXES } from '../core/paths';
import type { ScanSession } from './session';
import type { Marks } from './marks';
import { statusLabel } from './tree/model';
import { COMMANDS, HOVER_COMMANDS } from './commands/ids';

/** The files a hover can say something about: manifests, container, cluster, infra and CI configs, and source. */
export const HOVER_SELECTOR: vscode.DocumentSelector = [
  ...MANIFEST_GLOBS,
  '**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*}',
  '**/*.{yml,yaml}',
  // YAML kept as a template (krane's `.yml.erb`, Ansible's `.yaml.j2`) is matched as the YAML it renders.
  ...YAML_TEMPLATE_SUFFIXES.flatMap((t) => [`**/*.yml.${t}`, `**/*.yaml.${t}`]),
  '**/*.toml',
  '**/*.nomad',
  '**/*.nomad.hcl',
  '**/*.tf',
  '**/Jenkinsfile',
  '**/*.{conf,sql,graphql,gql,json}',
  `**/*.{${SOURCE_EXTENSIONS.join(',')}}`,
].map((pattern) => ({ scheme: 'file', pattern }));

interface Cached {
  version: number;
  byLine: Map<number, Evidence[]>;
  /** Requirement lines whose module only tests use (see Scanner.inText), by line. */
  testOnly: Map<number, Evidence[]>;
}

function byLineOf(evidence: readonly Evidence[]): Map<number, Evidence[]> {
  const byLine = new Map<number, Evidence[]>();
  for (const e of evidence) {
    const list = byLine.get(e.line) ?? [];
    list.push(e);
    byLine.set(e.line, list);
  }
  return byLine;
}

/**
 * "**Jest** proves **Testing**"; for what only ticks a further-practice item (not one of the skill's
 * technologies), "**GitHub Actions** shows Tests that run in CI, further practice of **Testing**".
 */
function provesWords(e: Evidence, rule: Rule, skill: Skill, result: SkillResult | undefined): string {
  const name = mdEscape(e.technology) + (e.via ? ` (${vscode.l10n.t('via {0}', mdEscape(e.via))})` : '');
  const item = rule.practice ? skill.practice.find((p) => p.id === rule.practice) : undefined;
  if (item && result && !result.technologies.includes(e.technology))
    return vscode.l10n.t('**{0}** shows {1}, further practice of **{2}**', name, mdEscape(item.title), mdEscape(skill.title));
  return vscode.l10n.t('**{0}** proves **{1}**', name, mdEscape(skill.title));
}

/** Says, on a line that proves a skill, which skill it proves and how the workspace stands on it. */
export class EvidenceHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly cache = new Map<string, Cached>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: ScanSession,
    private readonly marks: Marks,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      session.onDidChangeMap(() => {
        // A new catalogue (user rules) may change what a line proves.
        if (session.catalog !== this.catalogSeen) this.cache.clear();
      }),
    ];
  }

  private catalogSeen: unknown;

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const catalog = this.session.catalog;
    if (!catalog) return undefined;
    const found = this.evidenceFor(document);
    const evidence = found.byLine.get(position.line + 1) ?? [];
    const testOnly = found.testOnly.get(position.line + 1) ?? [];
    if (!evidence.length && !testOnly.length) return undefined;
    const map = this.session.map;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.appendMarkdown('**Backend Skill Map**\n\n');
    const seen = new Set<string>();
    for (const e of evidence) {
      const rule = catalog.rules.find((r) => r.id === e.rule);
      const skill = catalog.skills.find((s) => s.id === rule?.skill);
      if (!rule || !skill || seen.has(e.rule)) continue;
      seen.add(e.rule);
      const result = map?.skills.find((s) => s.id === skill.id);
      const status = result ? statusLabel(result, this.marks.get(skill.id), vscode.l10n) : vscode.l10n.t('not scanned yet');
      const args = encodeURIComponent(JSON.stringify([skill.id]));
      const icon = e.strength === 'strong' ? 'pass-filled' : 'pie-chart';
      const proves = provesWords(e, rule, skill, result);
      md.appendMarkdown(`$(${icon}) ${proves} — ${mdEscape(status)}  \n`);
      const ruleId = `\`${e.rule.replace(/`/g, '')}\``;
      const strength = e.strength === 'strong' ? vscode.l10n.t('strong evidence') : vscode.l10n.t('weak evidence');
      md.appendMarkdown(`${strength} · ${vscode.l10n.t('rule {0}', ruleId)}  \n`);
      md.appendMarkdown(
        `[${vscode.l10n.t('Open guidance')}](command:${COMMANDS.openGuidance}?${args} "${vscode.l10n.t('Open the guidance for this skill')}") · ` +
          `[${vscode.l10n.t('Show in skill tree')}](command:${COMMANDS.revealInTree}?${args} "${vscode.l10n.t('Reveal the skill in the Skills view')}")\n\n`,
      );
    }
    const onlyTests = [...new Set(testOnly.map((e) => e.technology))];
    for (const name of onlyTests)
      md.appendMarkdown(
        `$(beaker) ${vscode.l10n.t('No code outside tests imports **{0}** in this workspace: like a test dependency, it proves no skill here.', mdEscape(name))}\n\n`,
      );
    if (!seen.size && !onlyTests.length) return undefined;
    const line = document.lineAt(position.line).range;
    return new vscode.Hover(md, line);
  }

  private evidenceFor(document: vscode.TextDocument): Cached {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && this.catalogSeen === this.session.catalog) return hit;
    this.catalogSeen = this.session.catalog;
    let found: { evidence: Evidence[]; testOnly: Evidence[] } = { evidence: [], testOnly: [] };
    const catalog = this.session.catalog;
    if (catalog) {
      const where = this.session.locate(document.uri);
      const relPath = where?.relPath ?? vscode.workspace.asRelativePath(document.uri, false);
      try {
        // A folder's scanner leaves out the rules dismissed there ("Not evidence").
        found = where
          ? where.scanner.inText(relPath, document.getText())
          : { evidence: evidenceInText(relPath, document.getText(), catalog), testOnly: [] };
      } catch {
        // no evidence: the hover says nothing
      }
    }
    const cached = { version: document.version, byLine: byLineOf(found.evidence), testOnly: byLineOf(found.testOnly) };
    this.cache.set(key, cached);
    return cached;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.cache.clear();
  }
}

/** Markdown-escapes text that came from a catalogue or rule file. */
function mdEscape(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!<>|$&])/g, '\\$1');
}
