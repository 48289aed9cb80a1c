import type { Reader } from '../types';
import { IMPORT_READERS } from './imports';
import { dockerfileReader } from './docker';
import { composeReader } from './compose';
import { kubernetesReader } from './kubernetes';
import { ciReader } from './ci';

/** Containers, orchestration and CI configs. */
const CONTAINER_AND_CI_READERS: readonly Reader[] = [dockerfileReader, composeReader, kubernetesReader, ciReader];

/** Everything that is not a package manifest: configs first, then source imports. */
export const CONFIG_READERS: readonly Reader[] = [...CONTAINER_AND_CI_READERS, ...IMPORT_READERS];
