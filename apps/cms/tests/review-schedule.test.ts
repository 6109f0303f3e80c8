/** Next review dates: calendar months from the review day, the shortest of several topic intervals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { addMonths, reviewIntervalMonths } from '../src/utils/review-schedule';

describe('review schedule', () => {
  it('adds calendar months, clamping to the last day of a shorter month', () => {
    assert.equal(addMonths('2026-03-15', 12), '2027-03-15');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2027-11-30', 3), '2028-02-29', 'a leap year');
    assert.equal(addMonths('2026-12-01', 1), '2027-01-01');
  });

  it('takes the shortest interval of the topics, 12 months without one', () => {
    assert.equal(reviewIntervalMonths([{ reviewIntervalMonths: 24 }, { reviewIntervalMonths: 6 }]), 6);
    assert.equal(reviewIntervalMonths([{ reviewIntervalMonths: null }, { reviewIntervalMonths: 18 }]), 12);
    assert.equal(reviewIntervalMonths([]), 12);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    assert.throws(() => addMonths('15/03/2026', 1), /Not a YYYY-MM-DD date/);
  });
});
