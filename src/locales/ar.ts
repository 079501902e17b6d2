import type { Locale } from '../core/messages'

/** Arabic. */
const ar: Locale = {
  code: 'ar',
  dir: 'rtl',
  messages: {
    question: 'ما مدى احتمال أن ترشّح {brand} لصديق أو زميل؟',
    questionNoBrand: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟',
    low: 'غير محتمل إطلاقًا',
    high: 'محتمل جدًا',
    scoreLabel: '{score} من 10',
    surveyLabel: 'استطلاع رأي العملاء',
    close: 'إغلاق الاستطلاع',
    followUpDetractor: 'ما الذي لم يعجبك؟ وما الذي ينبغي أن نحسّنه؟',
    followUpPassive: 'ما الذي يجعلك تمنحنا 10؟',
    followUpPromoter: 'رائع! ما أكثر ما يعجبك لدينا؟',
    commentPlaceholder: 'إجابتك (اختياري)',
    charactersLeft: 'الأحرف المتبقية: {count}',
    contactConsent: 'أوافق على التواصل معي بشأن إجابتي',
    submit: 'إرسال',
    skip: 'تخطي',
    thankYouDetractor: 'شكرًا لصراحتك. نقرأ كل إجابة ونعمل بها لنتحسّن.',
    thankYouPassive: 'شكرًا على ملاحظاتك!',
    thankYouPromoter: 'شكرًا جزيلًا! يسعدنا رضاك.',
  },
}

export default ar
