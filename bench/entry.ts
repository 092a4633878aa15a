export { evaluate, evaluateFile } from '../src/engine/evaluate/evaluate-file';
export { parseFile } from '../src/engine/parse';
