// www/js/plain-editor.js — a <textarea> stand-in with the same interface as editors.js, used only when
// the CodeMirror bundle cannot be loaded, so the user's text is never lost or hidden.

export function createEditor({ parent, doc = '', kind = 'manifests', label = '', onChange = () => {} }) {
  const ta = document.createElement('textarea');
  ta.className = 'plain-editor';
  ta.spellcheck = false;
  ta.value = doc;
  ta.dataset.editor = kind;
  ta.setAttribute('aria-label', label);
  ta.addEventListener('input', () => onChange(ta.value));
  parent.append(ta);

  const offsetOf = (line, column) => {
    const lines = ta.value.split('\n');
    const l = Math.min(Math.max(1, line), lines.length);
    let off = 0;
    for (let i = 0; i < l - 1; i++) off += lines[i].length + 1;
    return off + Math.min(Math.max(0, column - 1), lines[l - 1].length);
  };

  return {
    view: null,
    getText: () => ta.value,
    setText(text) {
      if (text === ta.value) return;
      ta.focus();
      ta.select();
      // execCommand keeps the browser's undo stack; fall back to assignment where it is unsupported.
      if (!document.execCommand?.('insertText', false, text)) {
        ta.value = text;
        onChange(ta.value);
      }
    },
    setLabel: (text) => ta.setAttribute('aria-label', text),
    setErrors() {},
    focusAt(line, column) {
      const off = offsetOf(line, column);
      ta.focus();
      ta.setSelectionRange(off, off);
    },
    focus: () => ta.focus(),
  };
}
