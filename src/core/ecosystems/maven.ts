/** Maven coordinates (`group:artifact`), declared in Maven POMs and Gradle builds alike. */
import type { EcosystemDescriptor } from './descriptor';
import { mavenReader } from '../readers/maven';
import { gradleReader } from '../readers/gradle';

export const maven: EcosystemDescriptor<'maven'> = {
  id: 'maven',
  manifests: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/settings.gradle{,.kts}', '**/gradle/*.versions.toml'],
  lockFiles: [],
  caseSensitive: true,
  readers: [mavenReader, gradleReader],
};
