import { messages } from './define';

/** Head office: tables, filters and other shared parts. */
export const webCommonMessages = messages({
  'web.table.exportingSoFar': { en: 'Exporting… {count} rows so far', ur: 'برآمد ہو رہی ہے… اب تک {count} قطاریں', hi: 'निर्यात हो रहा है… अब तक {count} पंक्तियाँ' },
  'web.table.exported': {
    en: 'Exported {count, plural, one {# row} other {# rows}} built in the browser ({reason}).',
    ur: 'براؤزر میں تیار کی گئی {count, plural, one {# قطار} other {# قطاریں}} برآمد ہوئیں ({reason})۔',
    hi: 'ब्राउज़र में बनी {count, plural, one {# पंक्ति} other {# पंक्तियाँ}} निर्यात हुईं ({reason})।',
  },
  'web.table.exportedCapped': {
    en: 'Exported {count, plural, one {# row} other {# rows}} built in the browser ({reason}); stopped at {cap} rows, narrow the filters for the rest.',
    ur: 'براؤزر میں تیار کی گئی {count, plural, one {# قطار} other {# قطاریں}} برآمد ہوئیں ({reason})؛ {cap} قطاروں پر رک گئی، باقی کے لیے فلٹر محدود کریں۔',
    hi: 'ब्राउज़र में बनी {count, plural, one {# पंक्ति} other {# पंक्तियाँ}} निर्यात हुईं ({reason}); {cap} पंक्तियों पर रुका, बाकी के लिए फ़िल्टर सीमित करें।',
  },
  'web.table.noServerExport': { en: 'this list has no server-side export', ur: 'اس فہرست کی سرور پر برآمد نہیں', hi: 'इस सूची का सर्वर पर निर्यात नहीं है' },
  'web.table.exportedHub': { en: 'Exported every matching row from the hub.', ur: 'ہب سے تمام ملتی قطاریں برآمد ہو گئیں۔', hi: 'हब से सभी मिलती पंक्तियाँ निर्यात हो गईं।' },
  'web.table.hubNoCsv': { en: 'the hub offers no CSV for this list', ur: 'ہب اس فہرست کی CSV نہیں دیتا', hi: 'हब इस सूची की CSV नहीं देता' },
  'web.table.exportFailed': { en: 'Export failed: {error}', ur: 'برآمد ناکام: {error}', hi: 'निर्यात विफल: {error}' },
  'web.table.rows': { en: '{count, plural, one {# row} other {# rows}}', ur: '{count, plural, one {# قطار} other {# قطاریں}}', hi: '{count, plural, one {# पंक्ति} other {# पंक्तियाँ}}' },
  'web.table.rowsMore': { en: '{count}+ rows', ur: '{count}+ قطاریں', hi: '{count}+ पंक्तियाँ' },
  'web.table.sortedLoaded': { en: ' · sorted within loaded rows', ur: ' · لوڈ شدہ قطاروں میں ترتیب', hi: ' · लोड की गई पंक्तियों में क्रमबद्ध' },
  'web.table.refreshOf': { en: 'Refresh {caption}', ur: '{caption} تازہ کریں', hi: '{caption} ताज़ा करें' },
  'web.table.refresh': { en: 'Refresh', ur: 'تازہ کریں', hi: 'ताज़ा करें' },
  'web.table.exporting': { en: 'Exporting…', ur: 'برآمد ہو رہی ہے…', hi: 'निर्यात हो रहा है…' },
  'web.table.export': { en: 'Export CSV', ur: 'CSV برآمد کریں', hi: 'CSV निर्यात करें' },
  'web.table.noMatch': { en: 'Nothing matches these filters.', ur: 'ان فلٹرز سے کچھ نہیں ملا۔', hi: 'इन फ़िल्टरों से कुछ नहीं मिला।' },
  'web.filters.hide': { en: 'Hide filters', ur: 'فلٹر چھپائیں', hi: 'फ़िल्टर छिपाएँ' },
  'web.filters.show': { en: 'Filters', ur: 'فلٹر', hi: 'फ़िल्टर' },
});
