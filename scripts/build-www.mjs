// scripts/build-www.mjs — bundles CodeMirror 6 from node_modules into www/vendor/codemirror.js (one ES
// module, minified) so the static page needs no network. Run after `npm ci`: `node scripts/build-www.mjs`.
// The wasm package (www/pkg) is built separately by scripts/build.sh.
import { build } from 'esbuild';
import { mkdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'www', 'vendor', 'codemirror.js');

// Everything www/js/editors.js uses from CodeMirror, re-exported from one module.
const entry = `
export { EditorState, StateEffect, StateField, Compartment, RangeSetBuilder } from '@codemirror/state';
export {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars, dropCursor, rectangularSelection, crosshairCursor, placeholder,
} from '@codemirror/view';
export { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands';
export {
  syntaxHighlighting, defaultHighlightStyle, HighlightStyle, indentOnInput, bracketMatching,
  foldGutter, foldKeymap, StreamLanguage, indentUnit,
} from '@codemirror/language';
export { yaml } from '@codemirror/lang-yaml';
export { lintGutter, setDiagnostics, lintKeymap } from '@codemirror/lint';
export { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
export { tags } from '@lezer/highlight';
`;

mkdirSync(dirname(outfile), { recursive: true });
await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'codemirror-entry.js', loader: 'js' },
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  banner: { js: '// www/vendor/codemirror.js — CodeMirror 6 (MIT), bundled by scripts/build-www.mjs. Do not edit.' },
  outfile,
  logLevel: 'warning',
});

const raw = statSync(outfile).size;
const gz = gzipSync(readFileSync(outfile), { level: 9 }).length;
console.log(`built ${relative(root, outfile)}: ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip`);
if (!existsSync(join(root, 'www', 'pkg', 'kubeplay_wasm.js'))) {
  console.log('note: www/pkg/ is missing; build the wasm package with scripts/build.sh');
}
