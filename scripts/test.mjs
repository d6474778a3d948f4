#!/usr/bin/env node
// Runs every test file with Node's test runner: unit, route, database and property tests under
// src/, browser journeys under e2e/. `--only=src` or `--only=e2e` narrows the run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const roots = only ? [only] : ['src', 'e2e'];
const files = [];
const walk = (dir) => {
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(test|spec)\.tsx?$/.test(entry.name)) files.push(path);
  }
};
roots.forEach(walk);
files.sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  },
);
process.exit(result.status ?? 1);
