/** Docker Compose files: the image of each service. */
import type { Fact, Reader, ReadResult } from '../types';
import { imageName } from './docker';
import { lowerBaseName, readYaml, type YamlDoc, type YamlFile } from './yamlDocs';

const COMPOSE_NAME = /^(?:(?:docker-)?compose(?:[-._][^/]*)?|[^/]+\.compose)\.ya?ml$/;

/** Whether a workspace-relative path names a Compose file (`docker-compose.yml`, `compose.prod.yaml`...). */
export function isComposeFile(relPath: string): boolean {
  return COMPOSE_NAME.test(lowerBaseName(relPath));
}

function composeFacts(doc: YamlDoc, file: YamlFile): Fact[] {
  const facts: Fact[] = [];
  const services = file.get(doc.root, 'services');
  // Version 1 files have no `services:` key: every top-level mapping is a service.
  const entries = services ? file.entries(services.value) : file.entries(doc.root).filter((e) => !e.key.startsWith('x-'));
  for (const svc of entries) {
    if (!file.isMap(svc.value)) continue;
    const image = file.get(svc.value, 'image');
    const ref = image && file.str(image.value);
    const name = ref === undefined ? undefined : imageName(ref);
    if (name) facts.push({ type: 'image', name, line: image!.line });
  }
  return facts;
}

export const composeReader: Reader = {
  name: 'compose',
  claims(baseName: string): boolean {
    return COMPOSE_NAME.test(baseName);
  },
  matches(relPath: string): boolean {
    return isComposeFile(relPath);
  },
  read(_relPath: string, text: string): ReadResult {
    return readYaml(text, composeFacts);
  },
};
