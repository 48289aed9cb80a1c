import type { Reader } from '../types';
import { npmReader } from './npm';
import { pythonReader } from './python';
import { mavenReader } from './maven';
import { gradleReader } from './gradle';
import { goReader } from './go';
import { rubyReader } from './ruby';
import { composerReader } from './php';
import { cargoReader } from './cargo';
import { dotnetReader } from './dotnet';
import { elixirReader } from './elixir';

/** Package manifests: one reader per ecosystem. */
export const MANIFEST_READERS: readonly Reader[] = [
  npmReader,
  pythonReader,
  mavenReader,
  gradleReader,
  goReader,
  rubyReader,
  composerReader,
  cargoReader,
  dotnetReader,
  elixirReader,
];
