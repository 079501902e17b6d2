// What a showing needs after the question: the follow-up, the thank-you and their styles. Not on the
// way to the first paint: render.tsx loads it in idle time once the question is on screen, or at
// once when a score comes first.
export { FollowUp } from './FollowUp'
export { ThankYou } from './ThankYou'
export { stepStyles } from './stepStyles'
