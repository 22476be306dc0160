import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

export interface RasterReceipt {
  width: number;
  height: number;
  /** Rows of packed bits, most significant bit first, 1 = black. */
  bits: Uint8Array;
}

/**
 * The ESC/POS commands of one receipt (through a maintained encoder: code pages, QR, cut):
 * its lines as text with the bill number's QR code below, or, for a receipt in a script the
 * printer cannot shape, the counter app's drawing of it as a raster image; then a cut.
 */
export function escposReceipt(receipt: { text: string; qr: string; columns: 32 | 48; raster?: RasterReceipt | undefined }): Uint8Array {
  return printed(receipt).newline().align('center').qrcode(receipt.qr, 2, 6, 'm').newline().newline().newline().cut().encode();
}

/**
 * A customer statement (issue 20) on the same paper: its lines as text, or the counter app's
 * drawing of them for Urdu or Hindi; no QR code (a statement is no bill); then a cut.
 */
export function escposStatement(statement: { text: string; columns: 32 | 48; raster?: RasterReceipt | undefined }): Uint8Array {
  return printed(statement).newline().newline().newline().cut().encode();
}

/** The encoder with the text (or its drawing) on it, ready for what follows it on the paper. */
function printed(doc: { text: string; columns: 32 | 48; raster?: RasterReceipt | undefined }): ReceiptPrinterEncoder {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: doc.columns, imageMode: 'raster' });
  let e = encoder.initialize();
  if (doc.raster) {
    const { width, height, bits } = doc.raster;
    // The encoder reads RGBA pixels; its threshold turns them back into dots.
    const data = new Uint8ClampedArray(width * height * 4);
    const rowBytes = width / 8;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const black = ((bits[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = black ? 0 : 255;
        data[i + 3] = 255;
      }
    }
    // Raster bands are taken 8 dots high: pad the drawing to a whole band with white.
    const padded = Math.ceil(height / 8) * 8;
    const image = { width, height: padded, data: padded === height ? data : grow(data, width, height, padded) };
    e = e.image(image, width, padded, 'threshold', 128);
  } else {
    e = e.codepage('auto');
    for (const line of doc.text.replace(/\n+$/, '').split('\n')) e = e.line(line);
  }
  return e;
}

function grow(data: Uint8ClampedArray, width: number, height: number, to: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * to * 4).fill(255);
  out.set(data.subarray(0, width * height * 4));
  return out;
}
