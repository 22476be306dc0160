import { z } from 'zod';

export const DEFAULT_PRINTER_PORT = 9100;

/**
 * A network receipt printer's address as a shopkeeper types it: "192.168.1.50", "printer.local"
 * or either with ":9100". Read as "host:port" (9100 when no port is given).
 */
export const printerAddressSchema = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a printer address is a host name or IP address, optionally with :port (e.g. 192.168.1.50:9100)')
  .transform((v, ctx) => {
    const [host = '', portText] = v.split(':');
    const port = portText === undefined ? DEFAULT_PRINTER_PORT : Number(portText);
    if (!host || port < 1 || port > 65_535) {
      ctx.addIssue({ code: 'custom', message: `"${v}": the port must be 1–65535 (most receipt printers take 9100)` });
      return z.NEVER;
    }
    return `${host}:${port}`;
  });

export function splitAddress(address: string): { host: string; port: number } {
  const i = address.lastIndexOf(':');
  return { host: address.slice(0, i), port: Number(address.slice(i + 1)) };
}

/** The printer setting: an address as above, or "" for none. */
export const printerSettingSchema = z
  .string()
  .max(255)
  .transform((v, ctx) => {
    if (v.trim() === '') return '';
    const r = printerAddressSchema.safeParse(v);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });
