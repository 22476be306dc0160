/** Dots across the paper: 58 mm printers print 384, 80 mm ones 576 (8 dots per mm). */
export const PAPER_DOTS = { 32: 384, 48: 576 } as const;

export interface RasterDrawing {
  width: number;
  height: number;
  /** Rows of packed bits, most significant first, 1 = black, as base64. */
  bits: string;
}

const FONT_PX = 20;
const LINE_PX = 28;
const MARGIN_PX = 8;
/** The receipt's monospace face first; the browser shapes Urdu and Hindi with the Noto faces after it. */
// i18n-ignore: a CSS font list, not words
const FONT = `${FONT_PX}px "DejaVu Sans Mono", "Noto Sans Mono", monospace, "Noto Naskh Arabic", "Noto Nastaliq Urdu", "Noto Sans Devanagari", sans-serif`;

/**
 * The receipt drawn as the printer will print it, for a receipt in a script its code pages
 * cannot shape: the browser lays the text out (joining Arabic letters, Devanagari conjuncts),
 * then every dot darker than half is black. Columns are scaled so `columns` characters fill
 * the paper.
 */
export function drawReceipt(text: string, columns: 32 | 48): RasterDrawing {
  const width = PAPER_DOTS[columns];
  const lines = text.replace(/\n+$/, '').split('\n');
  const height = lines.length * LINE_PX + 2 * MARGIN_PX;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this screen cannot draw the receipt (no 2D canvas)');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000';
  g.font = FONT;
  g.textBaseline = 'top';
  g.direction = 'ltr';
  const scale = Math.min(1, (width - 2 * MARGIN_PX) / (g.measureText('0'.repeat(columns)).width || 1));
  g.setTransform(scale, 0, 0, 1, MARGIN_PX, MARGIN_PX);
  lines.forEach((line, i) => g.fillText(line, 0, i * LINE_PX + (LINE_PX - FONT_PX) / 2));
  const pixels = g.getImageData(0, 0, width, height).data;
  const rowBytes = width / 8;
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const light = 0.299 * (pixels[i] ?? 255) + 0.587 * (pixels[i + 1] ?? 255) + 0.114 * (pixels[i + 2] ?? 255);
      if (light < 128) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  let binary = '';
  for (let i = 0; i < bits.length; i += 0x8000) binary += String.fromCharCode(...bits.subarray(i, i + 0x8000));
  return { width, height, bits: btoa(binary) };
}
