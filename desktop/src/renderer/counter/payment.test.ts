import { describe, expect, it } from 'vitest';
import { creditChoice, creditMinorOf, paymentPlan } from './payment';

describe('paymentPlan', () => {
  it('an empty cash box pays exactly the cash due', () => {
    expect(paymentPlan(12000, {}, ['upi'])).toMatchObject({ ok: true, cashDue: 12000, changeMinor: 0, payments: [{ method: 'cash', tenderedMinor: 12000 }] });
  });
  it('cash tendered gives change; too little is short', () => {
    expect(paymentPlan(12000, { cash: '200' }, [])).toMatchObject({ ok: true, changeMinor: 8000 });
    expect(paymentPlan(12000, { cash: '100' }, [])).toMatchObject({ ok: false, shortMinor: 2000 });
  });
  it('splits over methods: others settle exactly, cash the rest', () => {
    const plan = paymentPlan(12000, { upi: '50', cash: '100' }, ['upi', 'card']);
    expect(plan).toMatchObject({ ok: true, cashDue: 7000, changeMinor: 3000 });
    expect(plan.payments).toEqual([
      { method: 'upi', amountMinor: 5000 },
      { method: 'cash', tenderedMinor: 10000 },
    ]);
    expect(paymentPlan(12000, { card: '120' }, ['card'])).toMatchObject({ ok: true, cashDue: 0, payments: [{ method: 'card', amountMinor: 12000 }] });
  });
  it('refuses more than due on other methods and amounts it cannot read', () => {
    expect(paymentPlan(12000, { card: '130' }, ['card'])).toMatchObject({ ok: false, overpaid: true });
    expect(paymentPlan(12000, { cash: 'abc' }, [])).toMatchObject({ ok: false, bad: ['cash'] });
  });
});

describe('creditChoice', () => {
  it('a bill with a part on credit needs the customer; without one it is plain', () => {
    const plan = paymentPlan(12000, { credit: '80' }, ['credit']);
    expect(creditMinorOf(plan.payments)).toBe(8000);
    expect(creditChoice(plan.payments, null, '')).toBe('needs-customer');
    expect(creditChoice(plan.payments, 'c-1', '')).toEqual({ customer: 'c-1' });
    expect(creditChoice(plan.payments, 'c-1', '2026-12-31')).toEqual({ customer: 'c-1', dueOn: '2026-12-31' });
    expect(creditChoice(paymentPlan(12000, {}, ['credit']).payments, null, '')).toBeNull();
  });
});
