// Placeholders: the bracketed notes a blank report carries until the author writes the text
// (`nianbao new`, the editor's "New annual report", the section-missing quick fix). Said once
// here, so the renderer writes them and the `placeholder` rule finds them.

/** A placeholder as written by the renderer: `（待填写：…）`. */
export function placeholder(what?: string): string {
  return what ? `（待填写：${what}）` : '（待填写）';
}

/** Any bracketed 待填写 / 待补充 / 请填写 note, full- or half-width brackets, on one line. */
export const PLACEHOLDER_RE = /[（(【[]\s*(?:待填写|待补充|请填写|此处填写)[^）)】\]\n]{0,200}[）)】\]]/g;
