/** RubyGems: Bundler's Gemfile and gem specifications. */
import type { EcosystemDescriptor } from './descriptor';
import { rubyReader } from '../readers/ruby';

export const rubygems: EcosystemDescriptor<'rubygems'> = {
  id: 'rubygems',
  manifests: ['**/Gemfile'],
  lockFiles: ['Gemfile.lock'],
  caseSensitive: false,
  readers: [rubyReader],
};
