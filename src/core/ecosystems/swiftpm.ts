/**
 * Swift Package Manager: packages named by their identity, the last part of their URL or path
 * (`vapor` for https://github.com/vapor/vapor.git), which SwiftPM compares without case.
 */
import type { EcosystemDescriptor } from './descriptor';
import { swiftPackageReader } from '../readers/swiftpm';

export const swiftpm: EcosystemDescriptor<'swiftpm'> = {
  id: 'swiftpm',
  manifests: ['**/Package.swift', '**/Package@swift-*.swift'],
  lockFiles: ['Package.resolved'],
  // `.build/checkouts/` holds every dependency's sources and manifest; `.swiftpm/` the tools' state.
  generatedFolders: ['.build', '.swiftpm'],
  caseSensitive: false,
  readers: [swiftPackageReader],
};
