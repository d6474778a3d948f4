import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadConfig, parseDatabaseUrl } from './config.js';

describe('configuration', () => {
  it('documents every key in .env.example', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const keys = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
    assert.ok(keys.length >= 15, `found ${keys.length} keys`);
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    assert.deepEqual(
      keys.filter((k) => !documented.has(k)),
      [],
    );
    assert.deepEqual(
      [...documented].filter((k) => !keys.includes(k)),
      [],
    );
  });

  it('chooses the engine from DATABASE_URL', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://u@h/db'), { engine: 'postgres', url: 'postgres://u@h/db' });
    assert.equal(parseDatabaseUrl('sqlite:./data/x.sqlite').engine, 'sqlite');
    assert.throws(() => parseDatabaseUrl('mysql://x'), /DATABASE_URL/);
  });

  it('refuses production without a session secret, and explains invalid values', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' }), /SESSION_SECRET/);
    assert.throws(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'sqlite::memory:' }), /PORT/);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'sqlite::memory:',
      SESSION_SECRET: 'x'.repeat(32),
      BASE_URL: 'https://ngo.example.pl/',
    });
    assert.equal(config.secureCookies, true);
    assert.equal(config.baseUrl, 'https://ngo.example.pl');
  });

  it('honours FAKE_NOW only on test servers, and an empty value means the real clock', () => {
    const base = { DATABASE_URL: 'sqlite::memory:' };
    assert.throws(() => loadConfig({ ...base, FAKE_NOW: '2026-10-25T22:59:00Z' }), /FAKE_NOW/);
    assert.throws(() => loadConfig({ ...base, NODE_ENV: 'test', FAKE_NOW: 'yesterday' }), /FAKE_NOW/);
    assert.equal(loadConfig({ ...base, NODE_ENV: 'test', FAKE_NOW: '' }).fakeNow, undefined);
    assert.equal(
      loadConfig({ ...base, NODE_ENV: 'test', FAKE_NOW: '2026-10-25T22:59:00Z' }).fakeNow?.toISOString(),
      '2026-10-25T22:59:00.000Z',
    );
  });
});
