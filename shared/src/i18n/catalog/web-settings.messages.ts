import { messages } from './define';

/** The head office's settings page: hub status in words, your password, demo data. */
export const webSettingsMessages = messages({
  'web.settings.status': { en: 'Hub status', ur: 'ہب کی حالت', hi: 'हब की स्थिति' },
  'web.settings.overall': { en: 'Overall', ur: 'مجموعی', hi: 'कुल मिलाकर' },
  'web.settings.database': { en: 'Database', ur: 'ڈیٹا بیس', hi: 'डेटाबेस' },
  'web.settings.replica': { en: 'Read replica', ur: 'ریڈ ریپلیکا', hi: 'रीड रेप्लिका' },
  'web.settings.redis': { en: 'Redis (shared cache and limits)', ur: 'ریڈس (مشترکہ کیش اور حدود)', hi: 'Redis (साझा कैश और सीमाएँ)' },
  'web.settings.queue': { en: 'Background jobs', ur: 'پس منظر کے کام', hi: 'पृष्ठभूमि कार्य' },
  'web.settings.webhooks': { en: 'Failed webhooks (24 h)', ur: 'ناکام ویب ہکس (24 گھنٹے)', hi: 'विफल वेबहुक (24 घंटे)' },
  'web.settings.hubTime': { en: 'Hub time', ur: 'ہب کا وقت', hi: 'हब का समय' },
  'web.settings.state.ok': { en: 'working', ur: 'کام کر رہا ہے', hi: 'चल रहा है' },
  'web.settings.state.degraded': { en: 'working, on fallbacks', ur: 'کام کر رہا ہے، متبادل پر', hi: 'चल रहा है, विकल्प पर' },
  'web.settings.state.down': { en: 'down', ur: 'بند', hi: 'बंद' },
  'web.settings.state.not_configured': { en: 'not set up', ur: 'ترتیب نہیں دیا گیا', hi: 'सेट नहीं' },
  'web.settings.latency': { en: '{ms} ms', ur: '{ms} ملی سیکنڈ', hi: '{ms} मि.से.' },
  'web.settings.jobsWaiting': { en: '{waiting} waiting · {active} running · {failed} failed', ur: '{waiting} منتظر · {active} جاری · {failed} ناکام', hi: '{waiting} प्रतीक्षा में · {active} चल रहे · {failed} विफल' },
  'web.settings.served': {
    en: 'Web app served by this hub at {origin}. API: {origin}/api/v1.',
    ur: 'یہ ویب ایپ اس ہب سے {origin} پر۔ API: {origin}/api/v1۔',
    hi: 'यह वेब ऐप इस हब से {origin} पर। API: {origin}/api/v1।',
  },
  'web.settings.yourPassword': { en: 'Your password', ur: 'آپ کا پاس ورڈ', hi: 'आपका पासवर्ड' },
  'web.settings.demo': { en: 'Demo data', ur: 'نمونہ ڈیٹا', hi: 'डेमो डेटा' },
  'web.settings.demoHint': {
    en: 'Fill a trial hub with stores, products and a month of movements. Disabled on production hubs.',
    ur: 'آزمائشی ہب کو اسٹورز، پروڈکٹس اور ایک ماہ کی نقل و حرکت سے بھریں۔ پروڈکشن ہب پر بند۔',
    hi: 'ट्रायल हब को स्टोर, उत्पाद और एक महीने के मूवमेंट से भरें। प्रोडक्शन हब पर बंद।',
  },
  'web.settings.stores': { en: 'Stores', ur: 'اسٹور', hi: 'स्टोर' },
  'web.settings.products': { en: 'Products', ur: 'پروڈکٹس', hi: 'उत्पाद' },
  'web.settings.generate': { en: 'Generate demo data', ur: 'نمونہ ڈیٹا بنائیں', hi: 'डेमो डेटा बनाएँ' },
  'web.settings.generating': { en: 'Generating…', ur: 'بن رہا ہے…', hi: 'बन रहा है…' },
  'web.settings.job.running': { en: 'Generating: {phase} ({done} of {total})', ur: 'بن رہا ہے: {phase} ({total} میں سے {done})', hi: 'बन रहा है: {phase} ({total} में से {done})' },
  'web.settings.job.done': { en: 'Demo data is ready. Reload the other pages to see it.', ur: 'نمونہ ڈیٹا تیار ہے۔ دیکھنے کے لیے دوسرے صفحات دوبارہ کھولیں۔', hi: 'डेमो डेटा तैयार है। देखने के लिए दूसरे पेज फिर से खोलें।' },
  'web.settings.job.failed': { en: 'Demo data failed: {error}', ur: 'نمونہ ڈیٹا ناکام: {error}', hi: 'डेमो डेटा विफल: {error}' },
  'web.settings.staffPassword': {
    en: 'Password of the generated managers and staff (shown only now): {password}',
    ur: 'بنائے گئے مینیجرز اور عملے کا پاس ورڈ (صرف ابھی دکھایا گیا): {password}',
    hi: 'बनाए गए मैनेजर और स्टाफ़ का पासवर्ड (केवल अभी दिखाया गया): {password}',
  },
});
