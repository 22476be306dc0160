import { DomainError, packByBarcode, parseScaleBarcode, qtyForLabelPrice, ScaleBarcodeError, type ScaleLayout } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { ScanView } from '../core.api';
import type { Executor } from '../db/db.types';
import { scaleLayoutsSync } from '../bills/bills.settings';
import { parsePacks, productByCode, productByPackBarcode } from './products.repository';
import { productView } from './products.service';

/**
 * What a scanned code means, in the order a code can mean it: a product's own barcode, SKU or
 * id first (so an in-store code a product really carries is that product), then a pack's
 * barcode (one pack of its product), then a label scale's barcode read with the store's layouts
 * (the item found by its label barcode; the weight from the label, or the weight its printed
 * price buys at the shelf price). A misread label (wrong check digit) is an error to scan again.
 */
export async function scanCode(db: Executor, raw: Database.Database, code: string): Promise<ScanView> {
  const c = code.trim();
  const own = await productByCode(db, c);
  if (own) return { product: await productView(db, own), pack: null, qty: null, labelPriceMinor: null };
  const packed = await productByPackBarcode(db, c);
  if (packed) {
    const pack = packByBarcode(parsePacks(packed.packs), c);
    if (pack) return { product: await productView(db, packed), pack, qty: pack.qty, labelPriceMinor: null };
  }
  const label = readLabel(c, scaleLayoutsSync(raw));
  if (label) {
    const item = await productByCode(db, label.labelBarcode);
    if (!item) throw new DomainError('NOT_FOUND', `scale label ${c}: no product has the label barcode ${label.labelBarcode} (item ${label.itemCode}); set it as the product's barcode`, { product: c });
    if (item.unit === 'pc') throw new DomainError('UNPROCESSABLE', `scale label ${c}: ${item.sku} is sold by the piece, not weighed`, { product: c });
    const view = await productView(db, item);
    if (label.kind === 'weight') return { product: view, pack: null, qty: label.qty, labelPriceMinor: null };
    try {
      return { product: view, pack: null, qty: qtyForLabelPrice(label.priceMinor, { priceMinor: item.price_minor, perQty: 1000 }), labelPriceMinor: label.priceMinor };
    } catch (err) {
      if (err instanceof ScaleBarcodeError) throw new DomainError('UNPROCESSABLE', `scale label ${c}: ${err.message}`, { product: c });
      throw err;
    }
  }
  throw new DomainError('NOT_FOUND', `no product with barcode, SKU or id "${c}"`, { product: c });
}

function readLabel(code: string, layouts: readonly ScaleLayout[]) {
  try {
    return parseScaleBarcode(code, layouts);
  } catch (err) {
    // Not VALIDATION_FAILED: the counter then searches names for the code; a misread label is to be scanned again.
    if (err instanceof ScaleBarcodeError) throw new DomainError('UNPROCESSABLE', err.message, { product: code });
    throw err;
  }
}
