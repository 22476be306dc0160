// The check runs inside the page (page.evaluate): it needs the DOM's types wherever it is compiled.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** An element whose own text does not fit its box: a label cut off or spilling into its neighbour. */
export interface Overflow {
  element: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Every visible element with its own text whose content is wider than its box, in the page as
 * shown. Scroll containers, form controls and deliberate ellipses (text-overflow) are left out:
 * those are meant to hold more than they show.
 */
export async function textOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const out: { element: string; text: string; scrollWidth: number; clientWidth: number }[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'SCRIPT', 'STYLE', 'svg'].includes(el.tagName)) continue;
      if (el.closest('svg, dialog:not([open])')) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || ['auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis') continue;
      // A box that clips (overflow hidden) must also hold its lines: taller scripts lose their last line there.
      const clipsHeight = ['hidden', 'clip'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (el.scrollWidth > el.clientWidth + 1 || clipsHeight) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        out.push({ element: `${el.tagName.toLowerCase()}${cls}`, text: (el.textContent ?? '').trim().slice(0, 60), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }
    return out;
  });
}
