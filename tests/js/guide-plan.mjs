// The planner's data as the guide really builds it: plan_data() run on content/ by the project's Python.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = process.env.GUIDE_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function python(lines, ...args) {
  const run = spawnSync(process.env.GUIDE_PYTHON ?? resolve(ROOT, '.venv/bin/python'), ['-c', [
    'import json, sys; from dataclasses import replace; from datetime import date; from pathlib import Path',
    'from guide.validate import load_content; from guide.render import long_date, plan_data, weekday_date',
    ...lines,
  ].join('\n'), ROOT, ...args], { env: { ...process.env, PYTHONPATH: resolve(ROOT, 'scripts') }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

// plan.json of one edition: English, or a language's translated concerns and aftercare with its words
export const guidePlanData = (lang = 'en') => python([
  'content, lang = load_content(Path(sys.argv[1])), sys.argv[2]',
  'if lang != "en": content = replace(content, topics=content.translations[lang].topics)',
  'print(json.dumps(plan_data(content, lang)))',
], lang);

// How the pages write these dates (render.weekday_date and long_date, from strings/<lang>.yml `dates:`)
export const guideDates = (lang, isoDates) => python([
  'lang, days = sys.argv[2], [date.fromisoformat(d) for d in sys.argv[3:]]',
  'print(json.dumps([[weekday_date(d, lang), long_date(d, lang)] for d in days]))',
], lang, ...isoDates);

// The example plan `make changes` shows (scripts/guide/plan_changes.py, example_plan) for every concern,
// with its first session on isoStart: ISO dates, to set beside what plan-dates.js makes of the same data
export const guideExamplePlans = (isoStart) => python([
  'from guide.plan_changes import example_plan',
  'data, start = plan_data(load_content(Path(sys.argv[1]))), date.fromisoformat(sys.argv[2])',
  'plans = {c["id"]: example_plan(data, c["id"], start) for c in data["concerns"]}',
  'iso = lambda days: [d.isoformat() for d in days]',
  'print(json.dumps({k: {"sessions": iso(p.sessions), "next": dict(zip(p.next, iso(p.next.values()))),',
  '  "aftercare": [[i, a.isoformat(), b.isoformat(), cut] for i, _, a, b, cut in p.aftercare]} for k, p in plans.items()}))',
], isoStart);
