/**
 * HashiCorp Nomad job specifications (`api.nomad`, `traefik.nomad.hcl`): the image each task's
 * container runs (`config { image = "traefik:v2.10" }` under the docker or podman driver), so that
 * the image rules read a Nomad deployment as they read a Compose file or a Kubernetes manifest.
 */
import type { Fact, Reader, ReadResult } from '../types';
import { imageName } from './docker';

const NOMAD_NAME = /\.nomad(?:\.hcl)?$/;
/** An HCL attribute `image = "..."` standing on its own line (a job's tasks give one each). */
const IMAGE_LINE = /^\s*image\s*=\s*"([^"\n]+)"/;

function nomadFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  const lines = text.split('\n');
  let inBlockComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inBlockComment) {
      if (line.includes('*/')) inBlockComment = false;
      continue;
    }
    if (/^\s*\/\*/.test(line) && !line.includes('*/')) {
      inBlockComment = true;
      continue;
    }
    const m = IMAGE_LINE.exec(line);
    const name = m && imageName(m[1]);
    if (name) facts.push({ type: 'image', name, line: i + 1 });
  }
  return facts;
}

export const nomadReader: Reader = {
  name: 'nomad',
  claims(baseName: string): boolean {
    return NOMAD_NAME.test(baseName.toLowerCase());
  },
  matches(relPath: string): boolean {
    return NOMAD_NAME.test(relPath.toLowerCase());
  },
  read(_relPath: string, text: string): ReadResult {
    return { facts: nomadFacts(text) };
  },
};
