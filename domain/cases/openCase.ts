// openCase: a call center case, as the CRM is sent it.
import { checkedText } from '../canonical/text';

const MAX_SUBJECT = 200;
const MAX_BODY = 5000;

export const checkedNewCase = (subject: string, body: string) => ({
  subject: checkedText('subject', subject, MAX_SUBJECT),
  body: checkedText('body', body, MAX_BODY),
});
