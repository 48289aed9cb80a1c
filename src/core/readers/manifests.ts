/** Package manifests: the readers named by the ecosystem descriptors (see `ecosystems/`). */
export { MANIFEST_READERS } from '../ecosystems';
