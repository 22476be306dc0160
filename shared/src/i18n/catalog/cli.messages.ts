import { messages } from './define';

/** The bazaar-store CLI. Table headers are "|"-separated so a translation keeps the column count. */
export const cliMessages = messages({
  'cli.error': { en: 'error: {message}', ur: 'خرابی: {message}', hi: 'त्रुटि: {message}' },
  'cli.init.done': {
    en: 'Created store {code} "{name}" in {path}\nNext: add a manager with `{userCmd}` (optional) and products with `{importCmd}`.',
    ur: 'دکان {code} "{name}" بن گئی: {path}\nاگلا قدم: `{userCmd}` سے مینیجر شامل کریں (اختیاری) اور `{importCmd}` سے پروڈکٹس۔',
    hi: 'दुकान {code} "{name}" बन गई: {path}\nअगला कदम: `{userCmd}` से मैनेजर जोड़ें (वैकल्पिक) और `{importCmd}` से उत्पाद।',
  },
  'cli.user.added': {
    en: 'Added {role} {username} ({name}). From now on every change needs --user/--pin or BAZAAR_USER/BAZAAR_PIN.',
    ur: '{role} {username} ({name}) شامل ہو گیا۔ اب سے ہر تبدیلی کے لیے --user/--pin یا BAZAAR_USER/BAZAAR_PIN درکار ہے۔',
    hi: '{role} {username} ({name}) जोड़ा गया। अब से हर बदलाव के लिए --user/--pin या BAZAAR_USER/BAZAAR_PIN चाहिए।',
  },
  'cli.user.header': { en: 'USERNAME|NAME|ROLE|ACTIVE|FROM', ur: 'یوزر نیم|نام|کردار|فعال|ذریعہ', hi: 'यूज़रनेम|नाम|भूमिका|सक्रिय|स्रोत' },
  'cli.supplier.added': { en: 'Added supplier {name} ({id})', ur: 'سپلائر {name} ({id}) شامل ہو گیا', hi: 'आपूर्तिकर्ता {name} ({id}) जोड़ा गया' },
  'cli.product.unitHelp': {
    en: 'how it is sold: pc (pieces), kg (weighed; kept in g, priced per kg), L (liquids; kept in ml, priced per L)',
    ur: 'کیسے بکتی ہے: pc (عدد)، kg (تول کر؛ گرام میں رکھی، قیمت فی کلو)، L (مائع؛ ملی لیٹر میں رکھی، قیمت فی لیٹر)',
    hi: 'कैसे बिकता है: pc (नग), kg (तौलकर; ग्राम में रखा, मूल्य प्रति किलो), L (तरल; मिलीलीटर में रखा, मूल्य प्रति लीटर)',
  },
  'cli.product.unitUnknown': {
    en: '"{unit}" is not one of pc, kg (or g), L (or ml)',
    ur: '"{unit}" ان میں سے نہیں: pc، kg (یا g)، L (یا ml)',
    hi: '"{unit}" इनमें से नहीं है: pc, kg (या g), L (या ml)',
  },
  'cli.product.added': { en: 'Added {sku} "{name}" at {price}', ur: '{sku} "{name}" شامل ہوئی، قیمت {price}', hi: '{sku} "{name}" जोड़ा गया, मूल्य {price}' },
  'cli.import.summary': {
    en: '{rows} rows: {created} created, {updated} updated, {bad} bad',
    ur: '{rows} قطاریں: {created} نئی، {updated} اپ ڈیٹ، {bad} غلط',
    hi: '{rows} पंक्तियाँ: {created} नई, {updated} अपडेट, {bad} गलत',
  },
  'cli.import.header': { en: 'LINE|SKU|PROBLEM', ur: 'لائن|SKU|مسئلہ', hi: 'लाइन|SKU|समस्या' },
  'cli.import.fix': {
    en: 'Fix those lines and import the file again: good rows are updated in place, nothing is duplicated.',
    ur: 'یہ لائنیں درست کریں اور فائل دوبارہ درآمد کریں: درست قطاریں اپنی جگہ اپ ڈیٹ ہوں گی، کچھ دہرایا نہیں جائے گا۔',
    hi: 'ये लाइनें ठीक करें और फ़ाइल फिर से आयात करें: सही पंक्तियाँ अपनी जगह अपडेट होंगी, कुछ भी दोहराया नहीं जाएगा।',
  },
  'cli.find.header': { en: 'SKU|BARCODE|NAME|PRICE|STOCK|STATUS', ur: 'SKU|بارکوڈ|نام|قیمت|اسٹاک|حالت', hi: 'SKU|बारकोड|नाम|मूल्य|स्टॉक|स्थिति' },
  'cli.product.archived': { en: '{sku} is archived', ur: '{sku} محفوظ شدہ (آرکائیو) ہے', hi: '{sku} संग्रहित है' },
  'cli.product.restored': { en: '{sku} is active again', ur: '{sku} پھر سے فعال ہے', hi: '{sku} फिर से सक्रिय है' },
  'cli.status.state': { en: 'state', ur: 'حالت', hi: 'स्थिति' },
  'cli.status.hub': { en: 'hub', ur: 'ہب', hi: 'हब' },
  'cli.status.notEnrolled': { en: '(not enrolled: stand-alone store)', ur: '(رجسٹر نہیں: اکیلی دکان)', hi: '(पंजीकृत नहीं: अकेली दुकान)' },
  'cli.status.pendingMovements': { en: 'pending movements', ur: 'باقی اندراجات', hi: 'बाकी प्रविष्टियाँ' },
  'cli.status.pendingProducts': { en: 'pending products', ur: 'باقی پروڈکٹس', hi: 'बाकी उत्पाद' },
  'cli.status.rejected': { en: 'rejected by hub', ur: 'ہب نے رد کیے', hi: 'हब ने अस्वीकार किए' },
  'cli.status.seq': { en: 'acked seq / last seq', ur: 'تصدیق شدہ seq / آخری seq', hi: 'पुष्ट seq / अंतिम seq' },
  'cli.status.lastSuccess': { en: 'last success', ur: 'آخری کامیابی', hi: 'पिछली सफलता' },
  'cli.status.lastError': { en: 'last error', ur: 'آخری خرابی', hi: 'पिछली त्रुटि' },
  'cli.status.clock': { en: 'clock offset', ur: 'گھڑی کا فرق', hi: 'घड़ी का अंतर' },
  'cli.status.halted': { en: 'halted', ur: 'رکا ہوا', hi: 'रुका हुआ' },
  'cli.enroll.pricesReplaced': {
    en: "Head office's catalog prices {count, plural, one {# product} other {# products}} of this counter otherwise; after enrolling the counter charges head office's price:",
    ur: 'ہیڈ آفس کی فہرست میں اس کاؤنٹر کی {count, plural, one {# پروڈکٹ} other {# پروڈکٹس}} کی قیمت مختلف ہے؛ رجسٹر ہونے کے بعد کاؤنٹر ہیڈ آفس کی قیمت لے گا:',
    hi: 'मुख्य कार्यालय की सूची में इस काउंटर के {count, plural, one {# उत्पाद} other {# उत्पादों}} का मूल्य अलग है; पंजीकरण के बाद काउंटर मुख्य कार्यालय का मूल्य लेगा:',
  },
  'cli.enroll.priceChange': { en: '{sku} {name}: {before} → {after}', ur: '{sku} {name}: {before} → {after}', hi: '{sku} {name}: {before} → {after}' },
  'cli.enroll.yesHelp': {
    en: "do not ask, even when head office's prices replace this counter's own",
    ur: 'نہ پوچھیں، چاہے ہیڈ آفس کی قیمتیں اس کاؤنٹر کی اپنی قیمتوں کی جگہ لیں',
    hi: 'न पूछें, भले ही मुख्य कार्यालय के मूल्य इस काउंटर के अपने मूल्यों की जगह लें',
  },
  'cli.enroll.ask': { en: 'Enroll and use these prices? [y/N]', ur: 'رجسٹر کریں اور یہ قیمتیں لیں؟ [y/N]', hi: 'पंजीकरण करें और ये मूल्य लें? [y/N]' },
  'cli.enroll.notEnrolled': { en: 'Not enrolled; nothing was changed.', ur: 'رجسٹر نہیں ہوا؛ کچھ نہیں بدلا۔', hi: 'पंजीकरण नहीं हुआ; कुछ नहीं बदला।' },
  'cli.enroll.notEnrolledPassYes': {
    en: 'Not enrolled; nothing was changed. Pass --yes to enroll with these prices.',
    ur: 'رجسٹر نہیں ہوا؛ کچھ نہیں بدلا۔ ان قیمتوں کے ساتھ رجسٹر کرنے کے لیے --yes دیں۔',
    hi: 'पंजीकरण नहीं हुआ; कुछ नहीं बदला। इन मूल्यों के साथ पंजीकरण के लिए --yes दें।',
  },
  'cli.enroll.done': { en: 'Enrolled to {hub}. Syncing…', ur: '{hub} سے رجسٹر ہو گیا۔ سنک ہو رہا ہے…', hi: '{hub} से पंजीकृत हुआ। सिंक हो रहा है…' },
  'cli.sync.pushing': { en: 'pushing movements', ur: 'اندراجات بھیجے جا رہے ہیں', hi: 'प्रविष्टियाँ भेजी जा रही हैं' },
  'cli.sync.done': {
    en: 'Pushed {pushed} movements in {batches} batches ({rejected} rejected, {remaps} product remaps); pulled {pages} pages ({products} products, {rows} stock rows)',
    ur: '{batches} کھیپوں میں {pushed} اندراجات بھیجے ({rejected} رد، {remaps} پروڈکٹ ری میپ)؛ {pages} صفحات وصول ({products} پروڈکٹس، {rows} اسٹاک قطاریں)',
    hi: '{batches} खेपों में {pushed} प्रविष्टियाँ भेजीं ({rejected} अस्वीकृत, {remaps} उत्पाद रीमैप); {pages} पेज प्राप्त ({products} उत्पाद, {rows} स्टॉक पंक्तियाँ)',
  },
  'cli.sync.failed': {
    en: 'sync failed: {error}\nNothing is lost: {pending} movements stay queued and go with the next sync.',
    ur: 'سنک ناکام: {error}\nکچھ ضائع نہیں ہوا: {pending} اندراجات قطار میں ہیں اور اگلے سنک کے ساتھ جائیں گے۔',
    hi: 'सिंक विफल: {error}\nकुछ भी नहीं खोया: {pending} प्रविष्टियाँ कतार में हैं और अगले सिंक के साथ जाएँगी।',
  },

  'cli.help.program': {
    en: 'Bazaar Inventory store tool: the offline store database, from the command line',
    ur: 'بازار انوینٹری کا دکان ٹول: آف لائن دکان کا ڈیٹا بیس، کمانڈ لائن سے',
    hi: 'बाज़ार इन्वेंटरी का दुकान टूल: ऑफ़लाइन दुकान का डेटाबेस, कमांड लाइन से',
  },
  'cli.help.db': {
    en: 'store database file (default: $BAZAAR_STORE_DB or ./bazaar-store.db)',
    ur: 'دکان کے ڈیٹا بیس کی فائل (ورنہ: $BAZAAR_STORE_DB یا ./bazaar-store.db)',
    hi: 'दुकान के डेटाबेस की फ़ाइल (नहीं तो: $BAZAAR_STORE_DB या ./bazaar-store.db)',
  },
  'cli.help.json': { en: 'machine-readable JSON output', ur: 'مشین کے پڑھنے کے لیے JSON آؤٹ پٹ', hi: 'मशीन के पढ़ने योग्य JSON आउटपुट' },
  'cli.help.user': {
    en: 'sign in as this user for the command (or BAZAAR_USER)',
    ur: 'اس کمانڈ کے لیے اس صارف کے طور پر سائن اِن کریں (یا BAZAAR_USER)',
    hi: 'इस कमांड के लिए इस उपयोगकर्ता के रूप में साइन इन करें (या BAZAAR_USER)',
  },
  'cli.help.pin': { en: 'PIN of --user (or BAZAAR_PIN)', ur: '--user کا پن (یا BAZAAR_PIN)', hi: '--user का पिन (या BAZAAR_PIN)' },
  'cli.help.afterError': { en: '(run with --help for usage)', ur: '(طریقہ دیکھنے کے لیے --help کے ساتھ چلائیں)', hi: '(उपयोग देखने के लिए --help के साथ चलाएँ)' },
});
