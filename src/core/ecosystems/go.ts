/** Go modules: module paths, which are case-sensitive. */
import type { EcosystemDescriptor } from './descriptor';
import { goReader } from '../readers/go';

export const go: EcosystemDescriptor<'go'> = {
  id: 'go',
  manifests: ['**/go.mod'],
  lockFiles: ['go.sum'],
  caseSensitive: true,
  usedThroughImports: 'go',
  readers: [goReader],
};
