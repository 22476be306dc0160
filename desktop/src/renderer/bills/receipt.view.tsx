import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';

export type ReceiptWidth = 32 | 48;
const widthKey = 'bazaar.receiptWidth';

/** The counter's paper (58 mm = 32 columns, 80 mm = 48), kept on this machine. */
export function useReceiptWidth(): [ReceiptWidth, (w: ReceiptWidth) => void] {
  const [width, setWidth] = useState<ReceiptWidth>(() => (window.localStorage.getItem(widthKey) === '32' ? 32 : 48));
  return [
    width,
    (w) => {
      window.localStorage.setItem(widthKey, String(w));
      setWidth(w);
    },
  ];
}

/** A bill's receipt text at the paper's width, as the counter keeps it. */
export function useReceipt(number: string, width: ReceiptWidth) {
  const api = useApi();
  return useQuery(() => api.showBill({ bill: number, width }), [api, number, width]);
}

/** The shared receipt text of a bill, as the thermal printer prints it, with a QR code of its number. */
export function ReceiptView({ number, width, view }: { number: string; width: ReceiptWidth; view: ReturnType<typeof useReceipt> }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    QRCode.toDataURL(number, { errorCorrectionLevel: 'M', margin: 1, width: 160 }).then(
      (url) => !stale && setQr(url),
      () => !stale && setQr(null),
    );
    return () => {
      stale = true;
    };
  }, [number]);
  if (view.error) return <Notice kind="error">{view.error.message}</Notice>;
  return (
    <div className={`receipt-paper print-area paper-${width === 32 ? '58' : '80'}`} dir="ltr" data-testid="receipt">
      <pre className="receipt-text">{view.data?.receiptText ?? ''}</pre>
      {qr && <img className="receipt-qr" src={qr} alt={t('bills.receipt.qr', { number })} />}
    </div>
  );
}

/** 58 mm or 80 mm: two buttons, one pressed. */
export function PaperPicker({ width, onChange }: { width: ReceiptWidth; onChange: (w: ReceiptWidth) => void }) {
  const { t } = useI18n();
  return (
    <div className="paper-picker" role="group" aria-label={t('bills.receipt.paper')}>
      {([32, 48] as const).map((w) => (
        <button key={w} type="button" className="btn btn-sm" aria-pressed={width === w} onClick={() => onChange(w)}>
          {t(w === 32 ? 'bills.receipt.mm58' : 'bills.receipt.mm80')}
        </button>
      ))}
    </div>
  );
}
