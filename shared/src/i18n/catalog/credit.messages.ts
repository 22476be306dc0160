import { messages } from './define';

/** Customers and udhaar (issue 20): words both the counter and head office show. */
export const creditMessages = messages({
  'credit.reminder.greeting': { en: 'Dear {name},', ur: 'محترم {name}،', hi: 'प्रिय {name},' },
  'credit.reminder.balanceChain': {
    en: 'your balance across our stores is {amount} (of it {here} at {store}).',
    ur: 'ہماری تمام دکانوں پر آپ کا بقایا {amount} ہے (اس میں سے {here} {store} پر)۔',
    hi: 'हमारी सभी दुकानों पर आपका बकाया {amount} है (इसमें से {here} {store} पर)।',
  },
  'credit.reminder.balance': { en: 'your balance at {store} is {amount}.', ur: '{store} پر آپ کا بقایا {amount} ہے۔', hi: '{store} पर आपका बकाया {amount} है।' },
  'credit.reminder.settled': { en: 'your account at {store} is settled.', ur: '{store} پر آپ کا کھاتہ صاف ہے۔', hi: '{store} पर आपका खाता साफ़ है।' },
  'credit.reminder.lastBills': { en: 'Latest bills on credit:', ur: 'ادھار کے تازہ بل:', hi: 'उधार के ताज़ा बिल:' },
  'credit.reminder.bill': { en: '• {number}, {date}: {amount}', ur: '• {number}، {date}: {amount}', hi: '• {number}, {date}: {amount}' },
  'credit.reminder.thanks': { en: 'Thank you.', ur: 'شکریہ۔', hi: 'धन्यवाद।' },
  'credit.kind.credit_sale': { en: 'Credit sale', ur: 'ادھار فروخت', hi: 'उधार बिक्री' },
  'credit.kind.payment': { en: 'Payment received', ur: 'وصول شدہ ادائیگی', hi: 'प्राप्त भुगतान' },
  'credit.kind.adjustment': { en: 'Adjustment', ur: 'ترمیم', hi: 'समायोजन' },
  'credit.kind.opening': { en: 'Opening balance', ur: 'ابتدائی بقایا', hi: 'प्रारंभिक बकाया' },
  'credit.ageing.d0_30': { en: '0–30 days', ur: '0–30 دن', hi: '0–30 दिन' },
  'credit.ageing.d31_60': { en: '31–60 days', ur: '31–60 دن', hi: '31–60 दिन' },
  'credit.ageing.d61_90': { en: '61–90 days', ur: '61–90 دن', hi: '61–90 दिन' },
  'credit.ageing.d90plus': { en: 'over 90 days', ur: '90 دن سے زیادہ', hi: '90 दिन से अधिक' },
  'credit.statement.title': { en: 'Customer statement', ur: 'گاہک کا کھاتہ', hi: 'ग्राहक का खाता विवरण' },
  'credit.statement.period': { en: '{from} to {to}', ur: '{from} سے {to} تک', hi: '{from} से {to} तक' },
  'credit.statement.opening': { en: 'Opening balance', ur: 'ابتدائی بقایا', hi: 'प्रारंभिक बकाया' },
  'credit.statement.billed': { en: 'Bills on credit', ur: 'ادھار بل', hi: 'उधार बिल' },
  'credit.statement.paid': { en: 'Payments', ur: 'ادائیگیاں', hi: 'भुगतान' },
  'credit.statement.closing': { en: 'Closing balance', ur: 'آخری بقایا', hi: 'अंतिम बकाया' },
  'credit.statement.elsewhere': { en: 'At other stores', ur: 'دوسری دکانوں پر', hi: 'दूसरी दुकानों पर' },
  'credit.statement.whole': { en: 'Whole balance', ur: 'کل بقایا', hi: 'कुल बकाया' },
});
