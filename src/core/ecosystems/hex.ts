/** Hex (Elixir and Erlang) packages, declared in mix.exs. */
import type { EcosystemDescriptor } from './descriptor';
import { elixirReader } from '../readers/elixir';

export const hex: EcosystemDescriptor<'hex'> = {
  id: 'hex',
  manifests: ['**/mix.exs'],
  lockFiles: ['mix.lock'],
  caseSensitive: false,
  readers: [elixirReader],
};
