/** Cargo (Rust) crates. */
import type { EcosystemDescriptor } from './descriptor';
import { cargoReader } from '../readers/cargo';

export const cargo: EcosystemDescriptor<'cargo'> = {
  id: 'cargo',
  manifests: ['**/Cargo.toml'],
  lockFiles: ['Cargo.lock'],
  caseSensitive: false,
  readers: [cargoReader],
};
