import { messages } from './define';

/** Expired stock off the shelf in one step, margins and valuation (issue 19): the CLI. */
export const marginsMessages = messages({
  'cli.help.removeExpired': {
    en: 'take every batch past its expiry day off the shelf in one step (reason expiry); shows what it removed',
    ur: 'میعاد گزرا ہر بیچ ایک ہی قدم میں شیلف سے ہٹائیں (وجہ: میعاد)؛ جو ہٹایا وہ دکھاتا ہے',
    hi: 'समाप्ति दिन बीता हर बैच एक ही कदम में शेल्फ़ से हटाएँ (कारण: समाप्ति); जो हटाया वह दिखाता है',
  },
  'cli.removeExpired.none': { en: 'Nothing has expired (today is {today}).', ur: 'کسی چیز کی میعاد ختم نہیں ہوئی (آج {today} ہے)۔', hi: 'किसी चीज़ की समाप्ति नहीं हुई (आज {today} है)।' },
  'cli.removeExpired.done': {
    en: 'Removed {count} expired batches, worth {cost} at cost.',
    ur: 'میعاد گزرے {count} بیچ ہٹا دیے، لاگت {cost}۔',
    hi: 'समाप्त {count} बैच हटाए, लागत {cost}।',
  },
  'cli.removeExpired.product': { en: 'PRODUCT', ur: 'پروڈکٹ', hi: 'उत्पाद' },
  'cli.removeExpired.lot': { en: 'LOT', ur: 'لاٹ', hi: 'लॉट' },
  'cli.removeExpired.expired': { en: 'EXPIRED ON', ur: 'میعاد ختم', hi: 'समाप्ति' },
  'cli.removeExpired.qty': { en: 'REMOVED', ur: 'ہٹایا', hi: 'हटाया' },
  'cli.removeExpired.cost': { en: 'COST', ur: 'لاگت', hi: 'लागत' },
  'cli.removeExpired.stock': { en: 'STOCK NOW', ur: 'اب اسٹاک', hi: 'अब स्टॉक' },
  'cli.removeExpired.noLot': { en: '(no lot)', ur: '(لاٹ نہیں)', hi: '(लॉट नहीं)' },
});
