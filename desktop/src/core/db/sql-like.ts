/** Escape LIKE wildcards so a search for "100%" means the text, used with `escape '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
