import { messages } from './define';

/** Head office: trends and comparisons, a product across regions, sales net of returns, conflicts in bulk. */
export const webTrendsMessages = messages({
  'web.overview.netOfReturns': {
    en: '{lines} · net of {amount} returned',
    ur: '{lines} · {amount} کی واپسی منہا کر کے',
    hi: '{lines} · {amount} की वापसी घटाकर',
  },
});
