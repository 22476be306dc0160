import { messages } from './define';

/** The counter's history: movements and the audit log. */
export const counterHistoryMessages = messages({
  'history.intro': {
    en: 'Every stock movement on this counter, and the tamper-evident audit log.',
    ur: 'اس کاؤنٹر پر اسٹاک کا ہر اندراج، اور چھیڑ چھاڑ ظاہر کرنے والا آڈٹ لاگ۔',
    hi: 'इस काउंटर पर स्टॉक की हर प्रविष्टि, और छेड़छाड़ दिखाने वाला ऑडिट लॉग।',
  },
  'history.view': { en: 'History view', ur: 'تاریخچے کا منظر', hi: 'इतिहास का दृश्य' },
  'history.movements': { en: 'Movements', ur: 'اندراجات', hi: 'प्रविष्टियाँ' },
  'history.audit': { en: 'Audit log', ur: 'آڈٹ لاگ', hi: 'ऑडिट लॉग' },
  'history.actionExample': { en: 'e.g. sale, stock_in, sign_in', ur: 'مثلاً sale، stock_in، sign_in', hi: 'जैसे sale, stock_in, sign_in' },
  'history.verify': { en: 'Verify the chain', ur: 'زنجیر کی جانچ کریں', hi: 'श्रृंखला जाँचें' },
  'history.intact': {
    en: 'All {count} audit entries are intact: nothing was altered or removed.',
    ur: 'تمام {count} آڈٹ اندراجات درست ہیں: نہ کچھ بدلا گیا نہ ہٹایا گیا۔',
    hi: 'सभी {count} ऑडिट प्रविष्टियाँ सुरक्षित हैं: न कुछ बदला गया, न हटाया गया।',
  },
  'history.tampered': {
    en: 'The audit log was tampered with at entry {id}: {reason}',
    ur: 'آڈٹ لاگ میں اندراج {id} پر چھیڑ چھاڑ ہوئی: {reason}',
    hi: 'ऑडिट लॉग में प्रविष्टि {id} पर छेड़छाड़ हुई: {reason}',
  },
  'history.noAudit': { en: 'No audit entries match.', ur: 'کوئی آڈٹ اندراج نہیں ملا۔', hi: 'कोई ऑडिट प्रविष्टि नहीं मिली।' },
  'history.system': { en: 'system', ur: 'سسٹم', hi: 'सिस्टम' },
  'history.sync.pending': { en: 'Waiting', ur: 'منتظر', hi: 'प्रतीक्षा में' },
  'history.sync.applied': { en: 'Synced', ur: 'سنک شدہ', hi: 'सिंक हुआ' },
  'history.sync.rejected': { en: 'Rejected', ur: 'رد شدہ', hi: 'अस्वीकृत' },
  'history.local': { en: 'Local', ur: 'مقامی', hi: 'स्थानीय' },
  'history.noProduct': { en: 'No product “{code}”.', ur: '“{code}” نام کی کوئی پروڈکٹ نہیں۔', hi: '“{code}” नाम का कोई उत्पाद नहीं।' },
  'history.allKinds': { en: 'All kinds', ur: 'تمام اقسام', hi: 'सभी प्रकार' },
  'history.barcodeOrSku': { en: 'Barcode or SKU', ur: 'بارکوڈ یا SKU', hi: 'बारकोड या SKU' },
  'history.noMovements': { en: 'No movements match.', ur: 'کوئی اندراج نہیں ملا۔', hi: 'कोई प्रविष्टि नहीं मिली।' },
  'history.priceCost': { en: 'Price / cost', ur: 'قیمت / لاگت', hi: 'मूल्य / लागत' },
  'history.reasonNote': { en: 'Reason / note', ur: 'وجہ / نوٹ', hi: 'कारण / टिप्पणी' },
});
