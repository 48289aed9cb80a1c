// Loaded with --require: reports the process's peak resident memory when it exits.
process.on('exit', () => {
  try {
    require('fs').writeSync(2, `\n__MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
  } catch {
    // stderr already closed: nothing to report to
  }
});
