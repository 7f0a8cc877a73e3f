// `make changes` shows an example plan made in Python (scripts/guide/plan_changes.py, example_plan) from
// plan.json: it must give the dates the planner gives (docs/assets/js/plan-dates.js) for the same data.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { aftercareDates, isoDate, planCourse, readCount, useWords, utcDate } from '../../docs/assets/js/plan-dates.js';
import { guideExamplePlans, guidePlanData } from './guide-plan.mjs';

const DATA = guidePlanData('en');
useWords(DATA.words);

test("make changes' example plan has the planner's dates, for every concern", () => {
  for (const start of ['2026-03-02', '2027-02-26']) { // the second crosses the end of February
    const plans = guideExamplePlans(start);
    assert.deepEqual(Object.keys(plans), DATA.concerns.map((c) => c.id));
    for (const concern of DATA.concerns) {
      const first = utcDate(...start.split('-').map(Number));
      const { next, sessions } = planCourse(first, concern, readCount('', concern).count);
      const care = aftercareDates(first, concern.aftercare || DATA.aftercare, sessions[1]?.date);
      assert.deepEqual(plans[concern.id], {
        sessions: sessions.map((s) => isoDate(s.date)),
        next: { earliest: isoDate(next.earliest), usual: isoDate(next.usual), latest: isoDate(next.latest) },
        aftercare: care.map((s) => [s.id, isoDate(s.from), isoDate(s.to), Boolean(s.cut)]),
      }, `${concern.id} from ${start}`);
    }
  }
});
