/** PyPI: pip, Poetry, Pipenv, uv, PDM and conda environments. */
import type { EcosystemDescriptor } from './descriptor';
import { pythonReader } from '../readers/python';

export const pypi: EcosystemDescriptor<'pypi'> = {
  id: 'pypi',
  manifests: ['**/requirements*.txt', '**/pyproject.toml', '**/Pipfile', '**/setup.{py,cfg}'],
  lockFiles: ['poetry.lock', 'Pipfile.lock', 'uv.lock'],
  caseSensitive: false,
  // PEP 503: `Flask_SQLAlchemy`, `flask.sqlalchemy` and `flask-sqlalchemy` are one project.
  normalise: (name) => name.toLowerCase().replace(/[-_.]+/g, '-'),
  readers: [pythonReader],
};
