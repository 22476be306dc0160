import { messages } from './define';

/** Packs, scale labels, batches and expiry (issue 19): the counter, the web and the CLI. */
export const goodsMessages = messages({
  'cli.help.productPack': {
    en: 'a pack of the product, repeatable: NAME=QTY[:BARCODE][@RUPEES], e.g. carton=24:18901063000241@550',
    ur: 'پروڈکٹ کا پیک، بار بار: NAME=QTY[:BARCODE][@RUPEES]، مثلاً carton=24:18901063000241@550',
    hi: 'उत्पाद का पैक, बार-बार: NAME=QTY[:BARCODE][@RUPEES], जैसे carton=24:18901063000241@550',
  },
  'cli.help.settingsScale': {
    en: 'a label-scale barcode layout, repeatable: PREFIX:ITEM_DIGITS:weight|price[:STEP], e.g. 21:5:weight; "none" clears them',
    ur: 'ترازو کے لیبل بارکوڈ کی ترتیب، بار بار: PREFIX:ITEM_DIGITS:weight|price[:STEP]، مثلاً 21:5:weight؛ "none" سب ہٹا دیتا ہے',
    hi: 'लेबल-तराज़ू बारकोड का ढाँचा, बार-बार: PREFIX:ITEM_DIGITS:weight|price[:STEP], जैसे 21:5:weight; "none" सब हटा देता है',
  },
  'cli.args.pack': {
    en: 'pack "{value}": write NAME=QTY[:BARCODE][@RUPEES], e.g. carton=24:18901063000241@550',
    ur: 'پیک "{value}": NAME=QTY[:BARCODE][@RUPEES] لکھیں، مثلاً carton=24:18901063000241@550',
    hi: 'पैक "{value}": NAME=QTY[:BARCODE][@RUPEES] लिखें, जैसे carton=24:18901063000241@550',
  },
  'cli.args.scale': {
    en: 'scale layout "{value}": write PREFIX:ITEM_DIGITS:weight|price[:STEP], e.g. 21:5:weight',
    ur: 'ترازو کی ترتیب "{value}": PREFIX:ITEM_DIGITS:weight|price[:STEP] لکھیں، مثلاً 21:5:weight',
    hi: 'तराज़ू ढाँचा "{value}": PREFIX:ITEM_DIGITS:weight|price[:STEP] लिखें, जैसे 21:5:weight',
  },
});
