import * as vscode from 'vscode';
import type { Status } from '../../core';
import type { Profile } from './profile';
import { whose, type ProfileSkill, type ProjectShowing } from './combine';

export const PROFILE_VIEW_ID = 'backendSkillMap.profile';
export const OPEN_PROJECT_COMMAND = 'backendSkillMap.profile.openProject';

export type ProfileNode =
  | { kind: 'skill'; skill: ProfileSkill }
  | { kind: 'dates'; skill: ProfileSkill }
  | { kind: 'project'; skill: ProfileSkill; project: ProjectShowing };

const ICONS: Record<Status, [string, string]> = {
  practised: ['pass-filled', 'testing.iconPassed'],
  started: ['pie-chart', 'charts.yellow'],
  missing: ['circle-outline', 'disabledForeground'],
};

const day = (iso: string): string => iso.slice(0, 10);

function statusWord(status: Status): string {
  return status === 'practised'
    ? vscode.l10n.t('practised')
    : status === 'started'
      ? vscode.l10n.t('started')
      : vscode.l10n.t('not shown yet');
}

/** "practised (yours)", "practised (the project's)", or the status alone when git could not tell. */
export function statusWithWhose(status: Status, claim: 'yours' | 'project' | undefined): string {
  if (claim === 'yours') return vscode.l10n.t('{0} (yours)', statusWord(status));
  if (claim === 'project') return vscode.l10n.t("{0} (the project's)", statusWord(status));
  return statusWord(status);
}

/** Whose lines show a skill at its best status: yours when any project's own lines do. */
function skillWhose(skill: ProfileSkill): 'yours' | 'project' | undefined {
  const best = skill.projects.filter((p) => p.status === skill.status).map(whose);
  return best.includes('yours') ? 'yours' : best.includes('project') ? 'project' : undefined;
}

/** The Profile view: every skill across the remembered projects, and the projects that show it. */
export class ProfileTreeProvider implements vscode.TreeDataProvider<ProfileNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly profile: Profile) {
    this.subscription = profile.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: ProfileNode): ProfileNode[] {
    if (!node) return this.profile.skills.filter((s) => s.projects.length).map((skill) => ({ kind: 'skill', skill }));
    if (node.kind !== 'skill') return [];
    return [
      { kind: 'dates', skill: node.skill },
      ...node.skill.projects.map((project) => ({ kind: 'project' as const, skill: node.skill, project })),
    ];
  }

  getTreeItem(node: ProfileNode): vscode.TreeItem {
    const { skill } = node;
    if (node.kind === 'skill') {
      const item = new vscode.TreeItem(skill.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `profile:${skill.id}`;
      const n = skill.projects.length;
      item.description =
        n === 1
          ? vscode.l10n.t('{0} in 1 project', statusWithWhose(skill.status, skillWhose(skill)))
          : vscode.l10n.t('{0} in {1} projects', statusWithWhose(skill.status, skillWhose(skill)), n);
      item.iconPath = new vscode.ThemeIcon(ICONS[skill.status][0], new vscode.ThemeColor(ICONS[skill.status][1]));
      item.contextValue = 'profileSkill';
      item.accessibilityInformation = {
        label: vscode.l10n.t(
          '{0}, {1}, in {2}',
          skill.title,
          statusWithWhose(skill.status, skillWhose(skill)),
          skill.projects.map((p) => p.name).join(', '),
        ),
        role: 'treeitem',
      };
      return item;
    }
    if (node.kind === 'dates') {
      const item = new vscode.TreeItem(
        skill.firstPractised
          ? vscode.l10n.t('First seen {0}, practised since {1}', day(skill.firstSeen), day(skill.firstPractised))
          : vscode.l10n.t('First seen {0}', day(skill.firstSeen)),
      );
      item.id = `profile:${skill.id}:dates`;
      item.iconPath = new vscode.ThemeIcon('history');
      item.description = vscode.l10n.t('last seen {0}', day(skill.lastSeen));
      return item;
    }
    const { project } = node;
    const item = new vscode.TreeItem(project.name);
    item.id = `profile:${skill.id}:${project.key}`;
    item.description = `${statusWithWhose(project.status, whose(project))}${project.technologies.length ? `: ${project.technologies.join(', ')}` : ''}`;
    item.iconPath = new vscode.ThemeIcon('folder', new vscode.ThemeColor(ICONS[project.status][1]));
    item.tooltip = vscode.l10n.t('Open {0} in a new window', project.name);
    item.contextValue = 'profileProject';
    item.command = { command: OPEN_PROJECT_COMMAND, title: vscode.l10n.t('Open project'), arguments: [project.folders[0]] };
    return item;
  }

  /** The top rows as shown: each skill's label and description. */
  rows(): { label: string; description: string }[] {
    return this.getChildren().map((node) => {
      const item = this.getTreeItem(node);
      return { label: String(item.label), description: String(item.description ?? '') };
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
