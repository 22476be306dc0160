import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTranslator } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

/**
 * The CLI's tables speak as the screens do (issues 15 and 16): headers in the shopkeeper's
 * language, kinds, statuses and reasons in words, never codes, and times on the store's clock
 * whatever the computer's zone (a PC in Los Angeles running a Karachi store's file).
 */
let dir: string;
const farAway = { TZ: 'America/Los_Angeles' };
const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runCli(dir, args, { ...farAway, ...env });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-words-'));
  for (const args of [
    ['init', '--code', 'KHI-1', '--name', 'Saddar Kiryana'],
    ['bill', 'settings', '--time-zone', 'Asia/Karachi'],
    ['product', 'add', '--sku', 'DAL', '--name', 'Dal', '--price', '120', '--reorder', '5'],
    ['stock-in', 'DAL', '6'],
    ['sell', 'DAL:2'],
    ['remove', 'DAL', '1', '--reason', 'damage'],
  ]) {
    const r = await cli(args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bazaar-store tables in words and on the store clock', () => {
  it('history: times on Karachi’s clock on a PC in Los Angeles, kinds and reasons in words', async () => {
    const json = JSON.parse((await cli(['history', '--json'])).stdout) as { items: { kind: string; occurredAt: string }[] };
    const sale = json.items.find((m) => m.kind === 'SALE')!;
    const karachi = createTranslator({ locale: 'en', currency: 'PKR', timeZone: 'Asia/Karachi' }).dateTime(sale.occurredAt);
    const losAngeles = createTranslator({ locale: 'en', currency: 'PKR', timeZone: 'America/Los_Angeles' }).dateTime(sale.occurredAt);
    expect(karachi).not.toBe(losAngeles);
    const text = (await cli(['history'])).stdout;
    expect(text).toContain(karachi);
    expect(text).not.toContain(losAngeles);
    expect(text).toMatch(/Sale +DAL +-2 pc/);
    expect(text).toMatch(/Removal +DAL +-1 pc +Damaged/);
    expect(text).not.toMatch(/\bSALE\b|\bREMOVE\b|\bdamage\b|\bpending\b/);
  });

  it('stock and count in Urdu and Hindi: headers and statuses from the catalogs', async () => {
    const ur = (await cli(['stock'], { BAZAAR_LANG: 'ur' })).stdout;
    expect(ur).toContain('دوبارہ آرڈر حد');
    expect(ur).toContain('کم');
    expect(ur).not.toMatch(/\bLOW\b|\bQTY\b|products/);
    const hi = (await cli(['count', 'DAL:3', '--yes'], { BAZAAR_LANG: 'hi' })).stdout;
    expect(hi).toContain('अपेक्षित');
    expect(hi).not.toMatch(/EXPECTED|VARIANCE/);
  });
});
