import { messages } from './define';

/** How the counter is shown to the person signed in: big text (issue 15). */
export const counterDisplayMessages = messages({
  'bigText.toggle': { en: 'Big text', ur: 'بڑا متن', hi: 'बड़े अक्षर' },
  'bigText.hint': {
    en: 'Large type and finger-size buttons for you on this counter ({key})',
    ur: 'اس کاؤنٹر پر آپ کے لیے بڑے حروف اور انگلی جتنے بٹن ({key})',
    hi: 'इस काउंटर पर आपके लिए बड़े अक्षर और उँगली जितने बटन ({key})',
  },
  'bigText.title': { en: 'Text size', ur: 'متن کا سائز', hi: 'अक्षरों का आकार' },
  'bigText.intro': {
    en: 'Big text makes the type larger and every button, field and cart row at least finger-size. It is kept for you: the next person who signs in sees their own choice.',
    ur: 'بڑا متن حروف بڑے کرتا ہے اور ہر بٹن، خانہ اور کارٹ کی قطار کم از کم انگلی جتنی۔ یہ آپ کے لیے محفوظ رہتا ہے: اگلا سائن اِن کرنے والا اپنی پسند دیکھتا ہے۔',
    hi: 'बड़े अक्षर लिखावट बड़ी करते हैं और हर बटन, खाना और कार्ट की पंक्ति कम से कम उँगली जितनी। यह आपके लिए सहेजा जाता है: अगला साइन इन करने वाला अपनी पसंद देखता है।',
  },
  'bigText.checkbox': { en: 'Big text for me', ur: 'میرے لیے بڑا متن', hi: 'मेरे लिए बड़े अक्षर' },
  'bigText.key': { en: 'Switch it from any screen with {key}.', ur: 'کسی بھی اسکرین سے {key} سے بدلیں۔', hi: 'किसी भी स्क्रीन से {key} से बदलें।' },
  'bigText.notKept': {
    en: 'Shown, but not kept for you: {reason}',
    ur: 'دکھایا گیا، مگر آپ کے لیے محفوظ نہیں ہوا: {reason}',
    hi: 'दिखाया गया, पर आपके लिए सहेजा नहीं गया: {reason}',
  },
});
