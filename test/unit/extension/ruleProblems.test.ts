import * as assert from 'node:assert';
import { RuleProblemNotices } from '../../../src/extension/ruleProblems';

describe('rule-file problems (RuleProblemNotices)', () => {
  const bad = '/ws/rules/bad.yaml:3: rule x names an unknown skill "y"';
  const other = '/ws/rules/other.yaml:1: expected a mapping with "rules:"';

  it('announces a problem once per version of its file, not on every rescan', () => {
    const notices = new RuleProblemNotices();
    const files = [{ file: '/ws/rules/bad.yaml', stamp: '1:10' }];
    assert.deepStrictEqual(notices.fresh(files, [bad]), [bad]);
    assert.deepStrictEqual(notices.fresh(files, [bad]), [], 'same file, same problem: a rescan is quiet');
    assert.deepStrictEqual(notices.fresh([{ file: '/ws/rules/bad.yaml', stamp: '2:11' }], [bad]), [bad], 'the file changed');
  });

  it('announces again a file broken again after it was fixed', () => {
    const notices = new RuleProblemNotices();
    const files = [{ file: '/ws/rules/bad.yaml', stamp: '1:10' }];
    notices.fresh(files, [bad]);
    assert.deepStrictEqual(notices.fresh(files, []), []);
    assert.deepStrictEqual(notices.fresh(files, [bad]), [bad]);
  });

  it('keeps files apart: only the changed one is announced', () => {
    const notices = new RuleProblemNotices();
    notices.fresh(
      [
        { file: '/ws/rules/bad.yaml', stamp: '1' },
        { file: '/ws/rules/other.yaml', stamp: '1' },
      ],
      [bad, other],
    );
    const next = notices.fresh(
      [
        { file: '/ws/rules/bad.yaml', stamp: '1' },
        { file: '/ws/rules/other.yaml', stamp: '2' },
      ],
      [bad, other],
    );
    assert.deepStrictEqual(next, [other]);
  });
});
