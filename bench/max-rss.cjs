// Preloaded into the measured process when /usr/bin/time is absent: writes its peak RSS (KiB, worker threads
// included: they share the process) to $BENCH_RSS_FILE at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
