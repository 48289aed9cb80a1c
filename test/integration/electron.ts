// Runs the integration suite in a desktop VS Code downloaded by @vscode/test-electron, for
// machines that can reach Microsoft's download servers:
//
//   npm run test:electron [-- <workspace folder or .code-workspace>]
//
// The same suite runs offline in code-server through test/vscode/run-tests.sh (npm test). Both
// give the extension host BSM_TEST_WORKSPACE and BSM_TEST_FIXTURE, so the suite can tell which
// fixture it was opened on.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Compiled to out/test/integration/electron.js, three levels below the repo root.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const workspace = path.resolve(process.argv[2] ?? path.join(repoRoot, 'test', 'fixtures', 'express-postgres-redis'));
  const exitCode = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'suite', 'index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    extensionTestsEnv: {
      BSM_TEST_WORKSPACE: workspace,
      BSM_TEST_FIXTURE: path.basename(workspace).replace(/\.code-workspace$/, ''),
    },
  });
  process.exitCode = exitCode;
}

main().catch((err: unknown) => {
  console.error('Failed to run the integration tests:', err);
  process.exitCode = 1;
});
