import { messages } from './define';

/** The bazaar-store CLI's bill, return, void and shift commands. Table headers are "|"-separated. */
export const cliBillsMessages = messages({
  'cli.sell.header': { en: 'SKU|NAME|QTY|PRICE|DISCOUNT|TOTAL|STOCK LEFT', ur: 'SKU|نام|مقدار|قیمت|رعایت|کل|باقی اسٹاک', hi: 'SKU|नाम|मात्रा|मूल्य|छूट|कुल|बचा स्टॉक' },
  'cli.sell.bill': { en: 'Bill {number}: total {total}', ur: 'بل {number}: کل {total}', hi: 'बिल {number}: कुल {total}' },
  'cli.sell.discount': { en: 'Discounts {discount}, rounding {rounding}', ur: 'رعایت {discount}، راؤنڈنگ {rounding}', hi: 'छूट {discount}, राउंडिंग {rounding}' },
  'cli.sell.change': { en: 'Change to give: {change}', ur: 'واپس دینے کی رقم: {change}', hi: 'लौटाने की राशि: {change}' },
  'cli.sell.approved': { en: 'Approved by {manager}: {reasons}', ur: '{manager} کی منظوری: {reasons}', hi: '{manager} की मंज़ूरी: {reasons}' },
  'cli.sell.lowStock': {
    en: 'Note: only {had} of {sku} was in stock; it now shows {now}. Count it when you can.',
    ur: 'نوٹ: {sku} کا اسٹاک صرف {had} تھا؛ اب {now} دکھا رہا ہے۔ موقع ملے تو گنتی کریں۔',
    hi: 'ध्यान दें: {sku} का स्टॉक केवल {had} था; अब {now} दिखा रहा है। समय मिले तो गिनती करें।',
  },
  'cli.bill.payHeader': { en: 'PAID BY|AMOUNT|TENDERED|CHANGE', ur: 'ادائیگی|رقم|دی گئی رقم|بقایا', hi: 'भुगतान|राशि|दी गई राशि|बाकी' },
  'cli.bill.findHeader': { en: 'NUMBER|WHEN|KIND|STATUS|TOTAL|PAID BY|CASHIER', ur: 'نمبر|کب|قسم|حالت|کل|ادائیگی|کیشیئر', hi: 'नंबर|कब|प्रकार|स्थिति|कुल|भुगतान|कैशियर' },
  'cli.bill.linesHeader': { en: 'LINE|SKU|NAME|QTY|PRICE|DISCOUNT|TOTAL|RETURNABLE', ur: 'لائن|SKU|نام|مقدار|قیمت|رعایت|کل|واپسی ممکن', hi: 'लाइन|SKU|नाम|मात्रा|मूल्य|छूट|कुल|वापसी योग्य' },
  'cli.bill.none': { en: 'No bills match these filters.', ur: 'ان شرائط پر کوئی بل نہیں ملا۔', hi: 'इन शर्तों पर कोई बिल नहीं मिला।' },
  'cli.bill.title': {
    en: '{kind} {number} · {when} · cashier {cashier} · {status}',
    ur: '{kind} {number} · {when} · کیشیئر {cashier} · {status}',
    hi: '{kind} {number} · {when} · कैशियर {cashier} · {status}',
  },
  'cli.bill.forBill': { en: 'Goods back from bill {number}', ur: 'بل {number} کا واپس آیا سامان', hi: 'बिल {number} से लौटा सामान' },
  'cli.bill.returned': { en: 'Return {number} for {original}: refund {amount}', ur: 'واپسی {number} برائے {original}: رقم واپس {amount}', hi: 'वापसी {number}, बिल {original} के लिए: धनवापसी {amount}' },
  'cli.bill.exchanged': { en: 'Exchange {number} for {original}: total {total}', ur: 'تبادلہ {number} برائے {original}: کل {total}', hi: 'अदला-बदली {number}, बिल {original} के लिए: कुल {total}' },
  'cli.bill.voided': { en: 'Bill {number} voided ({reason}); its stock movements are reversed.', ur: 'بل {number} منسوخ ({reason})؛ اس کے اسٹاک اندراجات الٹ دیے گئے۔', hi: 'बिल {number} रद्द ({reason}); इसकी स्टॉक प्रविष्टियाँ उलट दी गईं।' },
  'cli.bill.kind.sale': { en: 'Bill', ur: 'بل', hi: 'बिल' },
  'cli.bill.kind.return': { en: 'Return', ur: 'واپسی', hi: 'वापसी' },
  'cli.bill.kind.exchange': { en: 'Exchange', ur: 'تبادلہ', hi: 'अदला-बदली' },
  'cli.bill.status.completed': { en: 'completed', ur: 'مکمل', hi: 'पूरा' },
  'cli.bill.status.voided': { en: 'voided', ur: 'منسوخ', hi: 'रद्द' },
  'cli.bill.printed': {
    en: 'Receipt {number} sent to the printer at {printer} ({bytes, number} bytes{raster, select, yes {, as an image} other {}})',
    ur: 'رسید {number} پرنٹر {printer} پر بھیج دی گئی ({bytes, number} بائٹس{raster, select, yes {، تصویر کی صورت میں} other {}})',
    hi: 'रसीद {number} प्रिंटर {printer} पर भेज दी गई ({bytes, number} बाइट{raster, select, yes {, चित्र के रूप में} other {}})',
  },
  'cli.bill.printer': {
    en: 'Receipt printer: {printer, select, none {none (the system print dialog only)} other {{printer}}}, {paper} mm paper',
    ur: 'رسید پرنٹر: {printer, select, none {کوئی نہیں (صرف سسٹم کا پرنٹ ڈائیلاگ)} other {{printer}}}، {paper} ملی میٹر کاغذ',
    hi: 'रसीद प्रिंटर: {printer, select, none {कोई नहीं (केवल सिस्टम प्रिंट डायलॉग)} other {{printer}}}, {paper} मिमी कागज़',
  },
  'cli.bill.settings': {
    en: 'Counter {counter}: cash step {step}, takes {methods}, discounts up to {limit}% without a manager',
    ur: 'کاؤنٹر {counter}: نقد کا قدم {step}، ادائیگی {methods}، مینیجر کے بغیر {limit}% تک رعایت',
    hi: 'काउंटर {counter}: नकद का चरण {step}, भुगतान {methods}, मैनेजर के बिना {limit}% तक छूट',
  },
  'cli.shift.opened': { en: 'Shift opened on counter {counter} with a float of {float}', ur: 'کاؤنٹر {counter} پر شفٹ شروع، ابتدائی نقد {float}', hi: 'काउंटर {counter} पर शिफ़्ट शुरू, शुरुआती नकद {float}' },
  'cli.shift.none': { en: 'No shift is open on this counter.', ur: 'اس کاؤنٹر پر کوئی شفٹ کھلی نہیں۔', hi: 'इस काउंटर पर कोई शिफ़्ट खुली नहीं है।' },
});
