// The check runs inside the page (page.evaluate): it needs the DOM's types wherever it is compiled.
/// <reference lib="dom" />
import type { Locator } from 'playwright-core';

/** An element that is not wholly visible across: past the window's edge or cut by a box that clips or scrolls. */
export interface CutOff {
  index: number;
  text: string;
  left: number;
  right: number;
  /** The visible span it should fit in: the window, narrowed by every clipping ancestor. */
  visibleLeft: number;
  visibleRight: number;
}

/**
 * Of the elements a locator matches, those whose bounding box does not fit sideways inside the
 * window and inside every ancestor that hides or scrolls its overflow (a table in a scrolling
 * wrapper is "in the window" by its box and still cut off for the person looking at it).
 */
export async function cutOffSideways(elements: Locator): Promise<CutOff[]> {
  return elements.evaluateAll((els) => {
    const out: { index: number; text: string; left: number; right: number; visibleLeft: number; visibleRight: number }[] = [];
    els.forEach((el, index) => {
      const box = el.getBoundingClientRect();
      // Not drawn (display: none, a hidden input): nothing of it can be cut off.
      if (box.width === 0 && box.height === 0) return;
      let visibleLeft = 0;
      let visibleRight = document.documentElement.clientWidth;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        // A modal dialog is drawn in the top layer: the boxes around it in the page clip nothing of it.
        const modal = a.matches(':modal');
        if (getComputedStyle(a).overflowX !== 'visible') {
          const r = a.getBoundingClientRect();
          visibleLeft = Math.max(visibleLeft, r.left + a.clientLeft);
          visibleRight = Math.min(visibleRight, r.left + a.clientLeft + a.clientWidth);
        }
        if (modal) break;
      }
      if (box.left < visibleLeft - 0.5 || box.right > visibleRight + 0.5) {
        out.push({ index, text: (el.textContent ?? '').trim().slice(0, 40), left: Math.round(box.left), right: Math.round(box.right), visibleLeft: Math.round(visibleLeft), visibleRight: Math.round(visibleRight) });
      }
    });
    return out;
  });
}
