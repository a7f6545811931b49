// www/js/editors.js — the code editors (CodeMirror 6 from the bundled www/vendor/codemirror.js): YAML
// highlighting for manifests, a node-table highlighter for the nodes editor (YAML when it holds Node
// manifests), a scenario highlighter (offsets, kubectl commands, heredocs), line numbers, and error
// diagnostics (errors and warnings) shown in the gutter, under the text and on the line.
import {
  EditorState, StateEffect, StateField, Compartment, EditorView, Decoration, keymap, lineNumbers,
  highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars, dropCursor,
  defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory, syntaxHighlighting, defaultHighlightStyle,
  HighlightStyle, indentOnInput, bracketMatching, foldGutter, foldKeymap, StreamLanguage, indentUnit,
  yaml, lintGutter, setDiagnostics, lintKeymap, searchKeymap, highlightSelectionMatches, tags,
} from '../vendor/codemirror.js';

/** Same rule as kubeplay-core's nodes::looks_like_yaml: the first meaningful line decides. */
export function looksLikeYaml(text) {
  for (const raw of text.split('\n')) {
    const l = raw.trim();
    if (!l || l.startsWith('#')) continue;
    return l.startsWith('apiVersion:') || l.startsWith('kind:') || l === '---' || l.startsWith('items:');
  }
  return false;
}

const EFFECTS = /^(NoSchedule|PreferNoSchedule|NoExecute)\b/;

/** Highlighting for the node table: header, node names, label/taint keys and values, effects, numbers. */
const nodeTable = StreamLanguage.define({
  name: 'kubeplay-node-table',
  startState: () => ({ seenHeader: false, inHeader: false, col: 0 }),
  copyState: (s) => ({ ...s }),
  blankLine: () => {},
  token(stream, state) {
    if (stream.sol()) {
      state.col = 0;
      if (state.inHeader) {
        state.inHeader = false;
        state.seenHeader = true;
      }
      if (stream.match(/^\s*#.*/)) return 'comment';
      if (!state.seenHeader && !state.inHeader) state.inHeader = true;
    }
    if (stream.match(/^(\t| {2,})[ \t]*/)) {
      state.col += 1;
      return null;
    }
    if (stream.eatSpace()) return null;
    if (state.inHeader) {
      stream.match(/^\S+/);
      return 'heading';
    }
    if (state.col === 0) {
      stream.match(/^\S+/);
      return 'labelName';
    }
    if (stream.match('<none>')) return 'comment';
    if (stream.match(EFFECTS)) return 'keyword';
    if (stream.match(/^(true|false|yes|no|Ready|NotReady|SchedulingDisabled)\b/i)) return 'bool';
    if (stream.match(/^[=,:]/)) return 'punctuation';
    if (stream.match(/^\d+(\.\d+)?([a-zA-Z]{1,2})?(?=[\s,]|$)/)) return 'number';
    // a key (before '=' or ':Effect') or a value
    if (stream.match(/^[^\s=,:]+(?==)/)) return 'propertyName';
    if (stream.match(/^[^\s=,:]+(?=:)/)) return 'propertyName';
    stream.match(/^[^\s=,:]+/) || stream.next();
    return 'string';
  },
});

/** Highlighting for the scenario: `<offset> <command>` lines, `#` comments, `<<EOF … EOF` heredocs. */
const scenarioLanguage = StreamLanguage.define({
  name: 'kubeplay-scenario',
  startState: () => ({ heredoc: null, pendingHeredoc: null, word: 0 }),
  copyState: (s) => ({ ...s }),
  blankLine: () => {},
  token(stream, state) {
    if (stream.sol()) {
      state.word = 0;
      if (state.pendingHeredoc) {
        state.heredoc = state.pendingHeredoc;
        state.pendingHeredoc = null;
      }
      if (state.heredoc) {
        if (stream.string.trim() === state.heredoc) {
          stream.skipToEnd();
          state.heredoc = null;
          return 'keyword';
        }
        // The manifest inside: keys and comments, enough to read it.
        if (stream.match(/^\s*#.*/)) return 'comment';
        if (stream.match(/^\s*(- )?[\w./-]+(?=:)/)) return 'propertyName';
        stream.skipToEnd();
        return 'string';
      }
      if (stream.match(/^\s*#.*/)) return 'comment';
    }
    if (state.heredoc) {
      stream.skipToEnd();
      return 'string';
    }
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return 'comment';
    state.word += 1;
    if (state.word === 1) {
      stream.match(/^\S+/);
      return 'number';
    }
    const hd = stream.match(/^<<-?\s*['"]?(\w+)['"]?/);
    if (hd) {
      state.pendingHeredoc = hd[1];
      return 'keyword';
    }
    if (state.word === 2 && stream.match(/^(kubectl|node)\b/)) return 'keyword';
    if (state.word === 3 && stream.match(/^[a-z-]+\b/)) return 'labelName';
    if (stream.match(/^--?[\w-]+(=\S*)?/)) return 'propertyName';
    if (stream.match(/^'[^']*'|^"(?:[^"\\]|\\.)*"/)) return 'string';
    stream.match(/^\S+/) || stream.next();
    return 'string';
  },
});

const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '700', color: '#1d3f8f' },
  { tag: tags.labelName, color: '#0b5d1e', fontWeight: '600' },
  { tag: tags.propertyName, color: '#8a2c0d' },
  { tag: tags.definition(tags.propertyName), color: '#8a2c0d' },
  { tag: tags.keyword, color: '#6f2da8' },
  { tag: tags.bool, color: '#1a6f8a' },
  { tag: tags.number, color: '#165c8c' },
  { tag: tags.string, color: '#23282d' },
  { tag: tags.comment, color: '#6a737d', fontStyle: 'italic' },
  { tag: tags.punctuation, color: '#6a737d' },
]);

// A class on every line that has an error, on top of the lint underline and gutter marker.
const setErrorLines = StateEffect.define();
const errorLines = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setErrorLines)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});
const errorLineDeco = Decoration.line({ class: 'cm-kp-errorLine' });

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13.5px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f6f8fa', borderRight: '1px solid #d8dee4', color: '#57606a' },
  '.cm-kp-errorLine': { backgroundColor: '#ffebe9' },
  '.cm-activeLine.cm-kp-errorLine': { backgroundColor: '#ffdcd7' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
});

/** Offset range of the token at (line, column), both 1-based, clamped to the document. */
export function rangeAt(doc, line, column) {
  const l = doc.line(Math.min(Math.max(1, line | 0), doc.lines));
  const from = l.from + Math.min(Math.max(0, (column | 0) - 1), l.length);
  const rest = doc.sliceString(from, l.to);
  const m = /^[^\s:,]+/.exec(rest);
  const to = m ? from + m[0].length : Math.min(from + 1, l.to);
  return { from, to, lineFrom: l.from };
}

/**
 * Creates an editor in `parent`. Returns { view, getText, setText, setErrors, focusAt, focus }.
 * `kind` is 'manifests', 'nodes' or 'scenario'; `onChange(text)` runs after every edit.
 */
export function createEditor({ parent, doc = '', kind = 'manifests', label = '', onChange = () => {} }) {
  const language = new Compartment();
  const aria = new Compartment();
  let yamlMode = kind === 'manifests' || (kind === 'nodes' && looksLikeYaml(doc));
  const languageFor = () => (kind === 'scenario' ? scenarioLanguage : yamlMode ? yaml() : nodeTable);

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        foldGutter(),
        lintGutter(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        dropCursor(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        EditorState.tabSize.of(2),
        indentUnit.of('  '),
        syntaxHighlighting(highlight),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        language.of(languageFor()),
        aria.of(EditorView.contentAttributes.of({ 'aria-label': label })),
        errorLines,
        theme,
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap, ...foldKeymap, ...searchKeymap, ...lintKeymap]),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const text = u.state.doc.toString();
          if (kind === 'nodes') {
            const y = looksLikeYaml(text);
            if (y !== yamlMode) {
              yamlMode = y;
              queueMicrotask(() => view.dispatch({ effects: language.reconfigure(y ? yaml() : nodeTable) }));
            }
          }
          onChange(text);
        }),
      ],
    }),
  });
  view.dom.dataset.editor = kind;

  return {
    view,
    getText: () => view.state.doc.toString(),
    /** Replaces the whole text as one undoable change of its own (never merged with the edits around it). */
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: isolateHistory.of('full'),
        userEvent: 'input.replace.all',
      });
    },
    setLabel(text) {
      view.dispatch({ effects: aria.reconfigure(EditorView.contentAttributes.of({ 'aria-label': text })) });
    },
    /**
     * Shows errors `[{line, column, message, severity?}]` as lint diagnostics and error-line highlights
     * (severity 'warning' is marked in the gutter and underlined, without the red line).
     */
    setErrors(errors) {
      const doc = view.state.doc;
      const diagnostics = [];
      const lines = new Set();
      for (const e of errors) {
        const r = rangeAt(doc, e.line, e.column);
        const severity = e.severity === 'warning' ? 'warning' : 'error';
        diagnostics.push({ from: r.from, to: r.to, severity, message: e.message, source: `${e.line}:${e.column}` });
        if (severity === 'error') lines.add(r.lineFrom);
      }
      const deco = Decoration.set([...lines].sort((a, b) => a - b).map((pos) => errorLineDeco.range(pos)));
      view.dispatch(setDiagnostics(view.state, diagnostics), { effects: setErrorLines.of(deco) });
    },
    /** Puts the cursor at (line, column), scrolls there and focuses the editor. */
    focusAt(line, column) {
      const r = rangeAt(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: r.from, head: r.to }, scrollIntoView: true });
      view.focus();
    },
    focus: () => view.focus(),
  };
}
