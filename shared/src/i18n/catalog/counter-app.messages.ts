import { messages } from './define';

/** The counter's frame: start-up, header, navigation, dialogs. */
export const counterAppMessages = messages({
  'counter.app.opening': { en: 'Opening the store…', ur: 'دکان کھل رہی ہے…', hi: 'दुकान खुल रही है…' },
  'counter.app.brand': { en: 'Bazaar Counter', ur: 'بازار کاؤنٹر', hi: 'बाज़ार काउंटर' },
  'counter.app.connected': { en: ' · connected to hub', ur: ' · ہب سے منسلک', hi: ' · हब से जुड़ा' },
  'counter.app.hubChecking': { en: ' · hub: checking…', ur: ' · ہب: جانچ ہو رہی ہے…', hi: ' · हब: जाँच हो रही है…' },
  'counter.app.hubOffline': { en: 'offline', ur: 'آف لائن', hi: 'ऑफ़लाइन' },
  'counter.app.hubHalted': { en: 'sync stopped', ur: 'سنک رک گیا', hi: 'सिंक रुका हुआ' },
  'counter.app.lastSynced': { en: ' · {state}, last synced {time}', ur: ' · {state}، آخری سنک {time}', hi: ' · {state}, आख़िरी सिंक {time}' },
  'counter.app.neverSynced': { en: ' · {state}, not synced yet', ur: ' · {state}، ابھی سنک نہیں ہوا', hi: ' · {state}, अभी सिंक नहीं हुआ' },
  'counter.app.notTried': { en: ' · not synced yet', ur: ' · ابھی سنک نہیں ہوا', hi: ' · अभी सिंक नहीं हुआ' },
  'counter.app.standAlone': { en: ' · stand-alone', ur: ' · خود مختار', hi: ' · स्वतंत्र' },
  'counter.app.signOut': { en: 'Sign out', ur: 'سائن آؤٹ', hi: 'साइन आउट' },
  'counter.app.screens': { en: 'Screens', ur: 'اسکرینیں', hi: 'स्क्रीन' },
  'counter.nav.counter': { en: 'Counter', ur: 'کاؤنٹر', hi: 'काउंटर' },
  'counter.nav.receive': { en: 'Receive stock', ur: 'مال وصول کریں', hi: 'माल प्राप्त करें' },
  'counter.nav.remove': { en: 'Remove', ur: 'نکالیں', hi: 'निकालें' },
  'counter.nav.count': { en: 'Count', ur: 'گنتی', hi: 'गिनती' },
  'counter.nav.stock': { en: 'Stock', ur: 'اسٹاک', hi: 'स्टॉक' },
  'counter.nav.history': { en: 'History', ur: 'تاریخچہ', hi: 'इतिहास' },
  'counter.nav.sync': { en: 'Sync', ur: 'ہم آہنگی', hi: 'सिंक' },
  'counter.nav.settings': { en: 'Settings', ur: 'ترتیبات', hi: 'सेटिंग्स' },
  'counter.dialog.close': { en: 'Close', ur: 'بند کریں', hi: 'बंद करें' },
  'counter.service.notAnswering': { en: 'the counter service on this computer is not answering; is `pnpm counter` still running?', ur: 'اس کمپیوٹر پر کاؤنٹر سروس جواب نہیں دے رہی؛ کیا `pnpm counter` ابھی چل رہا ہے؟', hi: 'इस कंप्यूटर पर काउंटर सेवा जवाब नहीं दे रही; क्या `pnpm counter` अभी चल रहा है?' },
  'counter.service.noResult': { en: 'the counter service answered {status} without a result', ur: 'کاؤنٹر سروس نے {status} کا جواب دیا مگر نتیجہ نہیں', hi: 'काउंटर सेवा ने {status} का जवाब दिया पर कोई नतीजा नहीं' },
});
