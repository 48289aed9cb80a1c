/** npm (also Yarn and pnpm, which read the same package.json). */
import type { EcosystemDescriptor } from './descriptor';
import { npmReader } from '../readers/npm';

export const npm: EcosystemDescriptor<'npm'> = {
  id: 'npm',
  manifests: ['**/package.json'],
  lockFiles: ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml'],
  caseSensitive: false,
  readers: [npmReader],
};
