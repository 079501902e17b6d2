import type { Locale } from '../core/messages'

/** Hebrew. */
const he: Locale = {
  code: 'he',
  dir: 'rtl',
  messages: {
    question: 'מה הסבירות שתמליצו על {brand} לחבר או לעמית?',
    questionNoBrand: 'מה הסבירות שתמליצו עלינו לחבר או לעמית?',
    low: 'בכלל לא סביר',
    high: 'סביר מאוד',
    scoreLabel: '{score} מתוך 10',
    surveyLabel: 'סקר לקוחות',
    close: 'סגירת הסקר',
    followUpDetractor: 'מה השתבש, ומה נוכל לשפר?',
    followUpPassive: 'מה היה גורם לכם לתת לנו 10?',
    followUpPromoter: 'כיף לשמוע! מה אתם הכי אוהבים אצלנו?',
    commentPlaceholder: 'התשובה שלכם (לא חובה)',
    charactersLeft: 'נותרו {count} תווים',
    contactConsent: 'אפשר ליצור איתי קשר בנוגע לתשובה שלי',
    submit: 'שליחה',
    skip: 'דילוג',
    thankYouDetractor: 'תודה על הכנות. אנחנו קוראים כל תשובה ופועלים בעקבותיה.',
    thankYouPassive: 'תודה על המשוב!',
    thankYouPromoter: 'תודה רבה! שמחים לשמוע.',
  },
}

export default he
