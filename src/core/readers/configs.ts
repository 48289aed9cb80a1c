import type { Reader } from '../types';
import { dockerfileReader } from './docker';
import { composeReader } from './compose';
import { kubernetesReader } from './kubernetes';
import { ciReader } from './ci';
import { nomadReader } from './nomad';

/** Containers, orchestration and CI configs. */
export const CONFIG_READERS: readonly Reader[] = [dockerfileReader, composeReader, kubernetesReader, nomadReader, ciReader];
