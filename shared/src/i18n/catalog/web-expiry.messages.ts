import { messages } from './define';

/** Head office: stock expired or expiring, per category and store, on each store's calendar (issue 19). */
export const webExpiryMessages = messages({
  'web.tab.expiry': { en: 'Expiry', ur: 'میعاد', hi: 'समाप्ति' },
  'web.expiry.filters': { en: 'Expiry filters', ur: 'میعاد کے فلٹر', hi: 'समाप्ति फ़िल्टर' },
  'web.expiry.anyCategory': { en: 'Any category', ur: 'کوئی بھی زمرہ', hi: 'कोई भी श्रेणी' },
  'web.expiry.within': { en: 'Expiring within (days)', ur: 'اتنے دن میں ختم (دن)', hi: 'इतने दिनों में समाप्त (दिन)' },
  'web.expiry.withinHint': { en: 'Expired stock is always listed', ur: 'میعاد گزرا اسٹاک ہمیشہ دکھایا جاتا ہے', hi: 'समाप्त स्टॉक हमेशा दिखाया जाता है' },
  'web.expiry.both': { en: 'Both', ur: 'دونوں', hi: 'दोनों' },
  'web.expiry.expired': { en: 'Expired', ur: 'میعاد ختم', hi: 'समाप्त' },
  'web.expiry.expiring': { en: 'Expiring', ur: 'ختم ہونے والا', hi: 'समाप्त होने वाला' },
  'web.expiry.expiredAgo': { en: '{days, plural, one {expired # day ago} other {expired # days ago}}', ur: '{days, plural, one {# دن پہلے ختم} other {# دن پہلے ختم}}', hi: '{days, plural, one {# दिन पहले समाप्त} other {# दिन पहले समाप्त}}' },
  'web.expiry.today': { en: 'expires today', ur: 'آج ختم', hi: 'आज समाप्त' },
  'web.expiry.inDays': { en: '{days, plural, one {in # day} other {in # days}}', ur: '{days, plural, one {# دن میں} other {# دن میں}}', hi: '{days, plural, one {# दिन में} other {# दिनों में}}' },
  'web.expiry.expiresOn': { en: 'Expires on (store’s day)', ur: 'میعاد کا دن (دکان کا)', hi: 'समाप्ति का दिन (दुकान का)' },
  'web.expiry.when': { en: 'When', ur: 'کب', hi: 'कब' },
  'web.expiry.noCategory': { en: 'No category', ur: 'کوئی زمرہ نہیں', hi: 'कोई श्रेणी नहीं' },
  'web.expiry.lot': { en: 'Lot', ur: 'لاٹ', hi: 'लॉट' },
  'web.expiry.atCost': { en: 'At cost', ur: 'لاگت پر', hi: 'लागत पर' },
  'web.expiry.truncated': { en: 'Only the first {count} batches are shown: narrow by store or category.', ur: 'صرف پہلے {count} بیچ دکھائے گئے: دکان یا زمرے سے محدود کریں۔', hi: 'केवल पहले {count} बैच दिखाए गए: दुकान या श्रेणी से सीमित करें।' },
  'web.expiry.batches': { en: 'Batches by expiry day (stock per batch, first expiry first out)', ur: 'میعاد کے دن کے لحاظ سے بیچ (ہر بیچ کا اسٹاک، پہلے ختم ہونے والا پہلے)', hi: 'समाप्ति दिन के अनुसार बैच (हर बैच का स्टॉक, पहले समाप्त पहले बाहर)' },
  'web.expiry.none': { en: 'Nothing expired or expiring within {days} days.', ur: '{days} دن میں کچھ ختم یا ختم ہونے والا نہیں۔', hi: '{days} दिनों में कुछ समाप्त या समाप्त होने वाला नहीं।' },
  'web.expiry.byCategory': { en: 'By category and store', ur: 'زمرے اور دکان کے لحاظ سے', hi: 'श्रेणी और दुकान के अनुसार' },
  'web.expiry.totals': { en: '{expired} expired · {expiring} expiring (at cost)', ur: '{expired} ختم · {expiring} ختم ہونے والا (لاگت پر)', hi: '{expired} समाप्त · {expiring} समाप्त होने वाला (लागत पर)' },
  'web.expiry.next': { en: 'Next to expire', ur: 'اگلا ختم ہونے والا', hi: 'अगला समाप्त होने वाला' },
  'web.expiry.batchesWorth': {
    en: '{count, plural, one {# batch} other {# batches}}, {amount}',
    ur: '{count, plural, one {# بیچ} other {# بیچ}}، {amount}',
    hi: '{count, plural, one {# बैच} other {# बैच}}, {amount}',
  },
});
