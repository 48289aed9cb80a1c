/** What the matcher knows of Kubernetes API groups, for rules on `kind` facts. */
import { namePattern } from './names';

/** API groups built into Kubernetes itself: a kind of theirs (Deployment, Ingress...) names one thing. */
export const BUILTIN_API_GROUPS: ReadonlySet<string> = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'extensions',
  'networking.k8s.io',
  'apiextensions.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
]);

/**
 * Whether a kind's apiVersion fits a rule's pattern. An empty apiVersion is one a Helm template
 * computes (`apiVersion: {{ include ... }}`, common in published charts): it fits the built-in
 * groups' patterns only, since a custom resource's kind (Application, Pipeline, Config) is too
 * common a word to prove a tool without its group.
 */
export function apiVersionMatches(pattern: string, apiVersion: string): boolean {
  if (apiVersion === '') return BUILTIN_API_GROUPS.has(pattern.includes('/') ? pattern.slice(0, pattern.indexOf('/')) : '');
  const p = namePattern(pattern, false);
  return p.exact === apiVersion || p.re?.test(apiVersion) === true;
}
