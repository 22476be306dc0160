import { messages } from './define';

/** Counting the shelf. */
export const counterCountMessages = messages({
  'count.title': { en: 'Count the shelf', ur: 'شیلف کی گنتی', hi: 'शेल्फ़ की गिनती' },
  'count.intro': {
    en: 'Scan each product, type how many are really there, check the difference, then save.',
    ur: 'ہر پروڈکٹ اسکین کریں، اصل میں جتنی موجود ہیں وہ لکھیں، فرق دیکھیں، پھر محفوظ کریں۔',
    hi: 'हर उत्पाद स्कैन करें, असल में जितने हैं वह लिखें, अंतर देखें, फिर सहेजें।',
  },
  'count.scanNext': { en: 'Scan the next product', ur: 'اگلی پروڈکٹ اسکین کریں', hi: 'अगला उत्पाद स्कैन करें' },
  'count.enterCount': { en: 'Enter the count (0 if none).', ur: 'گنتی درج کریں (نہ ہو تو 0)۔', hi: 'गिनती दर्ज करें (न हो तो 0)।' },
  'count.emptySave': {
    en: 'The count sheet is empty: scan the products on the shelf first. Nothing was saved.',
    ur: 'گنتی کی شیٹ خالی ہے: پہلے شیلف کی پروڈکٹس اسکین کریں۔ کچھ محفوظ نہیں ہوا۔',
    hi: 'गिनती की शीट खाली है: पहले शेल्फ़ के उत्पाद स्कैन करें। कुछ भी सहेजा नहीं गया।',
  },
  'count.rowsMissing': {
    en: 'Some rows need a counted quantity. Nothing was saved.',
    ur: 'کچھ قطاروں میں گنتی درج نہیں۔ کچھ محفوظ نہیں ہوا۔',
    hi: 'कुछ पंक्तियों में गिनती दर्ज नहीं है। कुछ भी सहेजा नहीं गया।',
  },
  'count.saved': {
    en: 'Count saved for {products, plural, one {# product} other {# products}}; {differ} with a difference.',
    ur: '{products, plural, one {# پروڈکٹ} other {# پروڈکٹس}} کی گنتی محفوظ ہو گئی؛ {differ} میں فرق ہے۔',
    hi: '{products, plural, one {# उत्पाद} other {# उत्पादों}} की गिनती सहेजी गई; {differ} में अंतर है।',
  },
  'count.empty': {
    en: 'The count sheet is empty. Scan the first product on the shelf.',
    ur: 'گنتی کی شیٹ خالی ہے۔ شیلف کی پہلی پروڈکٹ اسکین کریں۔',
    hi: 'गिनती की शीट खाली है। शेल्फ़ का पहला उत्पाद स्कैन करें।',
  },
  'count.expected': { en: 'Expected', ur: 'متوقع', hi: 'अपेक्षित' },
  'count.counted': { en: 'Counted', ur: 'گنی گئی', hi: 'गिना गया' },
  'count.difference': { en: 'Difference', ur: 'فرق', hi: 'अंतर' },
  'count.countedOf': { en: 'Counted {name}', ur: '{name} کی گنتی', hi: '{name} की गिनती' },
  'count.matches': { en: 'matches', ur: 'برابر', hi: 'बराबर' },
  'count.removeRow': { en: 'Remove {name} from the sheet', ur: '{name} کو شیٹ سے ہٹائیں', hi: '{name} को शीट से हटाएँ' },
  'count.save': {
    en: 'Save count ({products, plural, one {# product} other {# products}}, {differ, plural, one {# difference} other {# differences}})',
    ur: 'گنتی محفوظ کریں ({products, plural, one {# پروڈکٹ} other {# پروڈکٹس}}، {differ, plural, one {# فرق} other {# فرق}})',
    hi: 'गिनती सहेजें ({products, plural, one {# उत्पाद} other {# उत्पाद}}, {differ, plural, one {# अंतर} other {# अंतर}})',
  },
  'count.clear': { en: 'Clear sheet', ur: 'شیٹ صاف کریں', hi: 'शीट साफ़ करें' },
  'count.recent': { en: 'Recent counts', ur: 'حالیہ گنتیاں', hi: 'हाल की गिनतियाँ' },
});
