export { evaluate } from '../src/engine/evaluate';
export { parseFile } from '../src/engine/parse';
