import type { Page } from 'playwright-core';
import { PASSWORD } from './seed';

/** Sign in on the hub's web app as `username` (signing out whoever is in), landing on the Overview. */
export async function signInAs(page: Page, hubUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${hubUrl}/overview`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.or(page.getByRole('heading', { name: 'Sign in' })).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

/** Open a page from the dashboard's navigation by its tab's name (the page's heading is the same). */
export async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: tab, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: tab }).waitFor();
}
