/** Composer (PHP): `vendor/name` packages. */
import type { EcosystemDescriptor } from './descriptor';
import { composerReader } from '../readers/php';

export const composer: EcosystemDescriptor<'composer'> = {
  id: 'composer',
  manifests: ['**/composer.json'],
  lockFiles: ['composer.lock'],
  caseSensitive: false,
  readers: [composerReader],
};
