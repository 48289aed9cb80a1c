/** NuGet (.NET): MSBuild project files, central package management and packages.config. */
import type { EcosystemDescriptor } from './descriptor';
import { dotnetReader } from '../readers/dotnet';

export const nuget: EcosystemDescriptor<'nuget'> = {
  id: 'nuget',
  manifests: ['**/*.csproj'],
  lockFiles: ['packages.lock.json'],
  caseSensitive: false,
  readers: [dotnetReader],
};
