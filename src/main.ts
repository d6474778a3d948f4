/**
 * Starts the platform: reads the config, opens the database, applies migrations, seeds the demo on
 * a first start, starts the job worker and the HTTP server; stops gracefully on SIGTERM/SIGINT
 * (in-flight requests finish, the job in hand finishes, the database closes).
 */
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { clockFrom, createServices } from './services.js';
import { createDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { JobWorker } from './platform/jobs/jobs.js';
import { mailSendHandler, mailSendJob } from './platform/mail/mail.js';
import { freshnessJob, freshnessJobHandler, scheduleFreshnessJob } from './features/organizations/index.js';
import {
  meetingRemindersJob,
  meetingRemindersJobHandler,
  scheduleMeetingReminders,
} from './features/meeting-registration/index.js';
import { demoAccounts, demoPassword, seedDemo, shouldSeedDemo } from './demo/seed-demo.js';

const config = loadConfig();
const database = createDatabase(config.database);
const applied = await migrateToLatest(database);
const services = createServices(database, config, config.fakeNow ? { clock: clockFrom(config.fakeNow) } : {});
const app = await buildApp(services);
if (applied.length) app.log.info({ migrations: applied }, 'migrations applied');

const seeded = shouldSeedDemo(services) ? await seedDemo(services) : false;
const demoPresent =
  seeded ||
  (await services.db.selectFrom('users').select('id').where('email', '=', demoAccounts[0]!.email).executeTakeFirst()) !==
    undefined;

const worker = new JobWorker(
  database,
  {
    [mailSendJob]: mailSendHandler(services.db, services.mailTransport),
    [freshnessJob]: freshnessJobHandler(services),
    [meetingRemindersJob]: meetingRemindersJobHandler(services),
  },
  app.log,
  config.jobPollIntervalMs,
);
// Recurring jobs: scheduled once across instances (a no-op when a run is already pending or running).
await scheduleFreshnessJob(services);
await scheduleMeetingReminders(services);
worker.start();

await app.listen({ host: config.host, port: config.port });

const address = config.baseUrl;
const lines = [`\nWspólnie działa: ${address}  (baza: ${database.engine})`];
if (demoPresent) {
  lines.push('Konta demonstracyjne (hasło dla wszystkich: ' + demoPassword + '):');
  for (const a of demoAccounts) lines.push(`  ${a.email.padEnd(34)} ${a.description}`);
  lines.push(`Poczta wychodząca (linki z wiadomości): ${address}/admin/poczta\n`);
}
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  try {
    await app.close();
    await worker.stop();
    await database.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
