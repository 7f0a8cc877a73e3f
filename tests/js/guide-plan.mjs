// The planner's data as the guide really builds it: plan_data() run on content/ by the project's Python.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = process.env.GUIDE_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function guidePlanData() {
  const python = process.env.GUIDE_PYTHON ?? resolve(ROOT, '.venv/bin/python');
  const run = spawnSync(python, ['-c', [
    'import json, sys; from pathlib import Path',
    'from guide.validate import load_content; from guide.render import plan_data',
    'print(json.dumps(plan_data(load_content(Path(sys.argv[1])))))',
  ].join('\n'), ROOT], { env: { ...process.env, PYTHONPATH: resolve(ROOT, 'scripts') }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}
