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
