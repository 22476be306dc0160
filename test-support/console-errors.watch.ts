import type { Page } from 'playwright-core';

/**
 * Every console error and uncaught page error of a page, checked after each test (call
 * `unexpected()` in afterEach and expect it to be empty). A test whose steps make the page
 * log an error on purpose (a 4xx answer the app shows as a message, the hub being down)
 * says so with `allow(pattern)`; the allowance ends with that test.
 */
export class ConsoleErrors {
  private seen: string[] = [];
  private allowed: RegExp[] = [];

  watch(page: Page): this {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const url = m.location().url;
      this.seen.push(url ? `${m.text()} (${url})` : m.text());
    });
    page.on('pageerror', (e) => this.seen.push(`uncaught: ${e.message}`));
    return this;
  }

  /** This test expects errors matching `pattern` (matched against "text (url)"). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** The errors since the last call that no allow() of this test covers; starts the next test afresh. */
  unexpected(): string[] {
    const out = this.seen.filter((e) => !this.allowed.some((p) => p.test(e)));
    this.seen = [];
    this.allowed = [];
    return out;
  }
}
