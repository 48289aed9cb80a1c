import * as assert from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../../..');

/** Lints a text as if it were a new file at `relPath`, with the project's own configuration. */
async function lintAs(relPath: string, code: string): Promise<{ rules: string[]; report: string }> {
  const eslint = new ESLint({ cwd: ROOT });
  const results = await eslint.lintText(code, { filePath: path.join(ROOT, relPath) });
  const formatter = await eslint.loadFormatter('stylish');
  return { rules: results.flatMap((r) => r.messages.map((m) => m.ruleId ?? '')), report: await formatter.format(results) };
}

describe('lint rules that keep the code base in shape', function () {
  this.timeout(60000);

  it('fails a vscode import in a new file under src/core, naming that file', async () => {
    const { rules, report } = await lintAs('src/core/newModule.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    assert.ok(rules.includes('no-restricted-imports'), report);
    assert.match(report, /src\/core\/newModule\.ts/);
    assert.match(report, /editor-free engine/);
  });

  it('lets the editor adapter import vscode', async () => {
    const { rules } = await lintAs('src/extension/newView.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    assert.deepStrictEqual(rules, []);
  });

  it('fails a function over 80 lines and a module over 500 lines under src', async () => {
    const longFunction = `export function f(): number {\n  let n = 0;\n${'  n++;\n'.repeat(80)}  return n;\n}\n`;
    assert.ok((await lintAs('src/core/long.ts', longFunction)).rules.includes('max-lines-per-function'));
    const longModule = Array.from({ length: 501 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    assert.ok((await lintAs('src/extension/long.ts', longModule)).rules.includes('max-lines'));
  });
});
