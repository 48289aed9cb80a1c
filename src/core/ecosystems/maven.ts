/** Maven coordinates (`group:artifact`), declared in Maven POMs, Gradle builds and sbt builds alike. */
import type { EcosystemDescriptor } from './descriptor';
import { mavenReader } from '../readers/maven';
import { gradleReader } from '../readers/gradle';
import { sbtReader } from '../readers/sbt';

export const maven: EcosystemDescriptor<'maven'> = {
  id: 'maven',
  manifests: [
    '**/pom.xml',
    '**/build.gradle',
    '**/build.gradle.kts',
    '**/settings.gradle{,.kts}',
    '**/gradle/*.versions.toml',
    '**/*.sbt',
    '**/project/*.scala',
  ],
  lockFiles: [],
  caseSensitive: true,
  readers: [mavenReader, gradleReader, sbtReader],
};
