import { messages } from './define';

/** The counter's stock screen. */
export const counterStockMessages = messages({
  'stockScreen.intro': {
    en: 'Everything on the shelves of this store, as this counter knows it.',
    ur: 'اس دکان کی شیلفوں پر موجود ہر چیز، جیسا یہ کاؤنٹر جانتا ہے۔',
    hi: 'इस दुकान की शेल्फ़ों पर रखी हर चीज़, जैसा यह काउंटर जानता है।',
  },
  'stockScreen.active': { en: 'active in this store', ur: 'اس دکان میں فعال', hi: 'इस दुकान में सक्रिय' },
  'stockScreen.above': { en: 'above reorder level', ur: 'دوبارہ آرڈر کی حد سے اوپر', hi: 'पुनः ऑर्डर स्तर से ऊपर' },
  'stockScreen.low': { en: 'Low stock', ur: 'کم اسٹاک', hi: 'कम स्टॉक' },
  'stockScreen.viewList': { en: 'View list →', ur: 'فہرست دیکھیں ←', hi: 'सूची देखें →' },
  'stockScreen.searchPlaceholder': { en: 'Name, SKU or barcode', ur: 'نام، SKU یا بارکوڈ', hi: 'नाम, SKU या बारकोड' },
  'stockScreen.noMatch': { en: 'No product matches these filters.', ur: 'ان فلٹرز سے کوئی پروڈکٹ نہیں ملی۔', hi: 'इन फ़िल्टरों से कोई उत्पाद नहीं मिला।' },
  'stockScreen.noProducts': {
    en: 'No products yet. Add them in Settings or sync from the hub.',
    ur: 'ابھی کوئی پروڈکٹ نہیں۔ ترتیبات میں شامل کریں یا ہب سے سنک کریں۔',
    hi: 'अभी कोई उत्पाद नहीं। सेटिंग्स में जोड़ें या हब से सिंक करें।',
  },
  'stockScreen.lowTitle': { en: 'Low stock ({count})', ur: 'کم اسٹاک ({count})', hi: 'कम स्टॉक ({count})' },
  'stockScreen.outTitle': { en: 'Out of stock ({count})', ur: 'ختم اسٹاک ({count})', hi: 'स्टॉक ख़त्म ({count})' },
  'stockScreen.noneLow': { en: 'Nothing is running low.', ur: 'کوئی چیز کم نہیں۔', hi: 'कुछ भी कम नहीं है।' },
  'stockScreen.noneOut': { en: 'Nothing is out of stock.', ur: 'کوئی چیز ختم نہیں۔', hi: 'कुछ भी ख़त्म नहीं है।' },
  'stockScreen.reorderAt': { en: 'Reorder at', ur: 'دوبارہ آرڈر حد', hi: 'पुनः ऑर्डर स्तर' },
});
