import type { Page } from 'playwright-core';

/** Scan like a barcode scanner: the code typed fast into whatever has focus, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

export async function goTo(page: Page, key: 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8', heading: RegExp): Promise<void> {
  await page.keyboard.press(key);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
