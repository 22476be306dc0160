import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A piece of text in the UI's source that a person would read but no catalog holds. */
export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** JSX props whose string values are read by people (or screen readers). */
const textProps = new Set(['placeholder', 'title', 'aria-label', 'aria-description', 'aria-roledescription', 'alt', 'label', 'hint', 'header', 'emptyText', 'confirmText', 'description']);

/** Calls whose string arguments are not shown: keys, selectors, events, storage, URLs, logs. */
const quietCallees = new Set([
  't', 'rich', 'tx', 'querySelector', 'querySelectorAll', 'getElementById', 'addEventListener', 'removeEventListener',
  'getItem', 'setItem', 'removeItem', 'get', 'set', 'has', 'delete', 'append', 'fetch', 'URL', 'URLSearchParams', 'Error', 'TypeError', 'RangeError',
  'startsWith', 'endsWith', 'includes', 'split', 'replace', 'join', 'padStart', 'padEnd', 'setAttribute', 'getAttribute', 'toLocaleString',
  'matchMedia', 'createElement', 'debug', 'warn', 'log', 'info', 'error', 'command', 'choices', 'default', 'env', 'on', 'emit',
]);

/** Two words, or a capitalised word: "Sign out", "Counter". Not ids, keys, CSS classes or codes. */
export function looksLikeProse(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  if (words.length === 0) return false;
  if (/^[a-z0-9]+([-_.:/][a-z0-9]+)+$/i.test(text.trim())) return false; // kebab, dotted keys, paths
  if (/^\s*[A-Z0-9_]+\s*$/.test(text)) return false; // CODES
  if (/^[A-Z][a-z]+[A-Z]\w*$/.test(text)) return false; // TypeNames
  if (/^[a-z]+\/[\w.+-]+(;[\w=-]+)?$/.test(text)) return false; // text/csv;charset=utf-8
  const tokens = text.trim().split(/\s+/);
  if (tokens.every((w) => /^[a-z0-9{}-]+$/.test(w)) && tokens.some((w) => w.includes('-'))) return false; // class lists
  if (words.length >= 2 && /\p{L}{2,}[\s,.:;!?…—–·]+\p{L}/u.test(text)) return true;
  return /^\s*\p{Lu}\p{Ll}+/u.test(text);
}

/** A catalog key or a storage key ("counter.cart.remove", "unit.per.{}"), never shown as is. */
function isKey(text: string): boolean {
  return /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9{}_]+)+$/.test(text);
}

function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** The JSX prop a string is the value of; a string deeper inside a call there is an argument, not the value. */
function attrName(node: ts.Node): string | null {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n)) return null;
    if (ts.isJsxAttribute(n)) return n.name.getText();
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) return null;
  }
  return null;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

/** The string is a key, a type, a comparison operand or an argument nobody reads. */
function isQuiet(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return true;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isExternalModuleReference(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) && p.name === node) return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(p.operatorToken.kind)) return true;
  if (ts.isCaseClause(p)) return true;
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && quietCallees.has(calleeName(p))) return true;
  if (ts.isPropertyAssignment(p) && ['id', 'key', 'className', 'kind', 'type', 'testId', 'variant', 'tone', 'role', 'name', 'path', 'href', 'to', 'value', 'sku', 'code'].includes(p.name.getText())) return true;
  if (ts.isJsxAttribute(p) && !textProps.has(p.name.getText())) return true;
  if (ts.isJsxExpression(p) && p.parent && ts.isJsxAttribute(p.parent) && !textProps.has(p.parent.name.getText())) return true;
  return false;
}

/** Key caps (<kbd>F9</kbd>) name keys, not words; an aria-hidden letter is a logo mark (hidden text is still seen). */
function insideKeyCapOrHidden(node: ts.Node, text: string): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const open = ts.isJsxElement(n) ? n.openingElement : ts.isJsxSelfClosingElement(n) ? n : null;
    if (!open) continue;
    if (open.tagName.getText() === 'kbd') return true;
    if (text.trim().length <= 2 && open.attributes.properties.some((a) => ts.isJsxAttribute(a) && a.name.getText() === 'aria-hidden')) return true;
  }
  return false;
}

function ignoredLines(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  source.text.split('\n').forEach((l, i) => {
    if (l.includes('i18n-ignore')) {
      lines.add(i + 1);
      lines.add(i + 2);
    }
  });
  return lines;
}

export function scanSource(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const ignored = ignoredLines(source);
  const out: Finding[] = [];
  const report = (node: ts.Node, value: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (!ignored.has(line)) out.push({ file, line, text: value.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasLetters(node.text) && !insideKeyCapOrHidden(node, node.text)) report(node, node.text);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const value = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}') : node.text;
      const prop = attrName(node);
      const quiet = isQuiet(node) || isKey(value) || (prop !== null && !textProps.has(prop));
      const shown = !quiet && (prop !== null ? hasLetters(value) : looksLikeProse(value));
      if (shown) report(node, value);
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|e2e)\./.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every finding under `roots`, with paths relative to `base`. */
export function scanTree(base: string, roots: string[]): Finding[] {
  return roots.flatMap((root) => sourceFiles(join(base, root)).flatMap((f) => scanSource(relative(base, f), readFileSync(f, 'utf8'))));
}
