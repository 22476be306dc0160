import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';
import { PrinterButton, WhatsAppLink } from './receipt.printer';
import { PaperPicker, ReceiptView, useReceipt, useReceiptWidth } from './receipt.view';

/** After a bill is saved: its number, the change to hand back, the receipt and Print. */
export function ReceiptDialog({ number, changeMinor, onClose }: { number: string; changeMinor: number; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [width, setWidth] = useReceiptWidth();
  const receipt = useReceipt(number, width);
  const text = receipt.data?.receiptText;
  return (
    <Dialog
      title={t('bills.receipt.title', { number })}
      open
      testId="receipt-dialog"
      onClose={onClose}
      footer={
        <>
          <PaperPicker width={width} onChange={setWidth} />
          <button className="btn" onClick={() => window.print()}>
            {t('bills.receipt.print')} <kbd>Ctrl+P</kbd>
          </button>
          <PrinterButton number={number} width={width} text={text} />
          <WhatsAppLink text={text} />
          <button className="btn btn-primary" autoFocus data-autofocus onClick={onClose}>
            {t('bills.receipt.next')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <div className="receipt-head">
        <div className="bill-number mono" data-testid="bill-number">
          {number}
        </div>
        {changeMinor > 0 && (
          <div className="receipt-change" data-testid="receipt-change">
            {t('bills.receipt.saved', { change: i18n.money(changeMinor) })}
          </div>
        )}
      </div>
      <ReceiptView number={number} width={width} view={receipt} />
    </Dialog>
  );
}
