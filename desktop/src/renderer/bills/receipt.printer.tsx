import { printableAsText } from '@bazaar/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import type { ReceiptWidth } from './receipt.view';
import { drawReceipt, type RasterDrawing } from './receipt.raster';

/** `width` is the paper this screen previews; the printer prints on its own (Settings). */
export function PrinterButton({ number, width, text }: { number: string; width: ReceiptWidth; text: string | undefined }) {
  const api = useApi();
  return (
    <NetworkPrint
      textFor={text ? async (paper) => (paper === width ? text : (await api.showBill({ bill: number, width: paper })).receiptText) : null}
      send={(paper, raster) => api.printReceipt({ bill: number, width: paper, ...(raster ? { raster } : {}) })}
    />
  );
}

/**
 * "Print on the receipt printer" when the counter has a network printer: raw ESC/POS, as text
 * for a Latin document (a receipt, a statement), as this screen's drawing of it for Urdu or
 * Hindi text, on the printer's own paper. Says what happened. `textFor` null: nothing to print yet.
 */
export function NetworkPrint({ textFor, send }: { textFor: ((paper: ReceiptWidth) => Promise<string>) | null; send: (paper: ReceiptWidth, raster: RasterDrawing | undefined) => Promise<{ printer: string }> }) {
  const api = useApi();
  const { t } = useI18n();
  const settings = useQuery(() => api.billSettings(), [api]);
  const [state, setState] = useState<{ kind: 'busy' | 'ok' | 'error'; message: string } | null>(null);
  const printer = settings.data?.receiptPrinter;
  if (!printer) return null;
  const print = async () => {
    if (!textFor) return;
    setState({ kind: 'busy', message: t('bills.printer.sending', { printer }) });
    try {
      const paper = settings.data?.receiptWidth ?? 48;
      const printed = await textFor(paper);
      const raster = printableAsText(printed) ? undefined : drawReceipt(printed, paper);
      const done = await send(paper, raster);
      setState({ kind: 'ok', message: t('bills.printer.sent', { printer: done.printer }) });
    } catch (err) {
      setState({ kind: 'error', message: asApiError(err).message });
    }
  };
  return (
    <>
      <button className="btn" type="button" disabled={!textFor || state?.kind === 'busy'} onClick={() => void print()} data-testid="print-on-printer">
        {t('bills.printer.print')}
      </button>
      {state && (
        <span className={`printer-state printer-${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'} data-testid="printer-state">
          {state.message}
        </span>
      )}
    </>
  );
}

/** Share the receipt's text on WhatsApp (a wa.me link: the shopkeeper picks the chat). */
export function WhatsAppLink({ text }: { text: string | undefined }) {
  const { t } = useI18n();
  if (!text) return null;
  return (
    <a className="btn" href={`https://wa.me/?text=${encodeURIComponent(text)}`} target="_blank" rel="noopener noreferrer" data-testid="share-whatsapp">
      {t('bills.printer.whatsapp')}
    </a>
  );
}
