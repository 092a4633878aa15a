// The benchmark's baseline (issue 10 §6): a Node process that reads and JSON.parses the same files. Argument: a folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let n = 0;
for (const name of readdirSync(process.argv[2]).sort()) {
  if (!name.endsWith('.json')) continue;
  n += JSON.parse(readFileSync(join(process.argv[2], name), 'utf8')).positions.length;
}
if (n === 0) process.exit(1);
