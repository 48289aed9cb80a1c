'use strict';
// Starts a code-server with this repo's extension installed as a regular extension (no
// smoke-test driver, so notification toasts show), and keeps it running until Ctrl+C.
// The screenshot tool starts its own; use this one to keep a server up between screenshot
// runs (screenshots.js --origin <url>) or to poke at the workbench from another script.
//
//   node test/vscode/start-server.js [--vsix file.vsix] [--port N] [--extension PATH]
//
// Without --vsix the extension folder (default: the repo root) is symlinked into the
// extensions dir as <publisher>.<name>-<version>, so a rebuild (npm run build) plus a window
// reload picks up changes. Prints the origin on stdout as `listening <url>`.

const path = require('path');
const lib = require('./lib');

function parseArgs(argv) {
  const opts = { extension: lib.paths.repoRoot };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--vsix') opts.vsix = path.resolve(argv[++i]);
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--extension') opts.extension = path.resolve(argv[++i]);
    else throw new lib.HarnessError(`unknown argument ${a}`);
  }
  return opts;
}

/** Starts the screenshot flavour of the server: the extension installed, toasts visible. */
async function startUiServer({ vsix, extension = lib.paths.repoRoot, port, settings, locale } = {}) {
  const dir = lib.makeRunDir('ui');
  const server = await lib.startServer({
    dir,
    smokeTestDriver: false,
    vsix,
    linkExtension: vsix ? undefined : extension,
    port,
    settings,
    locale,
  });
  return { ...server, dir };
}

module.exports = { startUiServer };

if (require.main === module) {
  (async () => {
    const opts = parseArgs(process.argv.slice(2));
    const server = await startUiServer(opts);
    console.log(`listening ${server.origin}`);
    console.log(`open ${server.origin}/?folder=${lib.paths.defaultWorkspace}`);
    console.log(`server data and logs: ${server.dir} (Ctrl+C to stop)`);
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    setInterval(() => {}, 1 << 30);
  })().catch((err) => {
    console.error(`start-server: ${err instanceof lib.HarnessError ? err.message : err.stack || err}`);
    process.exit(3);
  });
}
