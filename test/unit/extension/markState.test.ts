import * as assert from 'node:assert';
import { checkStoredMarks } from '../../../src/extension/markState';

describe('stored marks', () => {
  it('keeps a clean record as it is, with no problem to report', () => {
    assert.deepStrictEqual(checkStoredMarks({ caching: 'done', 'graph-databases': 'skipped' }), {
      marks: { caching: 'done', 'graph-databases': 'skipped' },
    });
    assert.deepStrictEqual(checkStoredMarks(undefined), { marks: {} });
  });

  it('resets a stored value that is not a record, and says so', () => {
    for (const raw of ['done', 42, null, ['caching'], true]) {
      const checked = checkStoredMarks(raw);
      assert.deepStrictEqual(checked.marks, {}, JSON.stringify(raw));
      assert.match(checked.problem ?? '', /were reset/, JSON.stringify(raw));
    }
  });

  it('drops unreadable entries, keeps the good ones, and names what it dropped', () => {
    const checked = checkStoredMarks({
      caching: 'done',
      testing: 'maybe',
      '<script>': 'done',
      ['x'.repeat(100)]: 'skipped',
      security: 'skipped',
    });
    assert.deepStrictEqual(checked.marks, { caching: 'done', security: 'skipped' });
    assert.match(checked.problem ?? '', /^3 stored mark\(s\) could not be read and were dropped \(testing, <script>, x+\)$/);
  });
});
