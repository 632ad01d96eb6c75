/**
 * Background jobs: the transactional outbox and the job runner, on pg-boss (a maintained PostgreSQL queue
 * that also runs on PGlite through a small SQL adapter). A job is written in the same transaction as the
 * change that causes it (never run if that transaction rolls back); the runner takes it after commit, retries
 * it with back-off, and after its last attempt moves it to the dead-letter queue that the administrator sees
 * (page « Tâches »). A job killed mid-run expires and runs again: handlers are idempotent.
 */
import PgBoss from "pg-boss";
import type { z } from "zod";
import type { EnqueueOptions, Outbox } from "@achat-public/domain";
import type { Database } from "@achat-public/db";
import type { AppContext } from "../../context";

/** A job type of a context: its name (`context.verb-noun`), payload schema, retry policy and handler. */
export interface JobSpec<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  /** Attempts after the first one (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled each time (default 30). */
  retryDelaySeconds?: number;
  /** An attempt that runs longer is considered lost (process killed) and retried (default 300). */
  expireInSeconds?: number;
  handler(payload: P, env: JobEnvironment): Promise<void>;
}

export interface JobEnvironment {
  ctx: AppContext;
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** True on the last attempt: the handler may record the final failure before rethrowing. */
  lastAttempt: boolean;
}

/** A recurring job: `cron` in the Europe/Paris time zone, e.g. "0 7 * * 1-5" (7:00 on working days). */
export interface ScheduleSpec {
  name: string;
  cron: string;
  job: string;
  payload?: Record<string, unknown>;
}

export function defineJob<P>(spec: JobSpec<P>): JobSpec<P> {
  return spec;
}

/** What a job carries: its type (kept in the dead-letter queue, which loses the queue name) and its payload. */
interface Envelope {
  tache: string;
  donnees: unknown;
}

export const DEAD_LETTER_QUEUE = "taches.en-echec";

export interface JobRunnerOptions {
  /** Run the workers in this process (false: only enqueue, e.g. the CLI). */
  workers: boolean;
  pollingIntervalSeconds: number;
  /** How often expired attempts are detected and retried. */
  maintenanceIntervalSeconds: number;
  /** Overrides every job's `expireInSeconds` (tests of a killed runner). */
  expireInSeconds?: number;
  retryDelaySeconds?: number;
}

export interface FailedJob {
  id: string;
  /** The job type that failed (its queue name). */
  job: string;
  payload: unknown;
  erreur: string | null;
  echoueLe: Date;
}

/** The dead-letter queue and one queue per job type, with its retry policy (created, or updated when it exists). */
async function createQueues(
  boss: PgBoss,
  jobs: readonly JobSpec<unknown>[],
  options: Pick<JobRunnerOptions, "retryDelaySeconds" | "expireInSeconds">,
) {
  const ensure = async (name: string, queue: Record<string, unknown>) => {
    await boss.createQueue(name, queue as unknown as PgBoss.Queue);
    await boss.updateQueue(name, queue as unknown as PgBoss.Queue);
  };
  await ensure(DEAD_LETTER_QUEUE, { retryLimit: 0 });
  for (const spec of jobs) {
    await ensure(spec.name, {
      retryLimit: spec.retryLimit ?? 3,
      retryDelay: options.retryDelaySeconds ?? spec.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? spec.expireInSeconds ?? 300,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  }
}

/** The queue of one process: registers the job types, runs the workers, writes jobs in transactions. */
export class JobRunner {
  private readonly boss: PgBoss;
  private readonly specs = new Map<string, JobSpec<unknown>>();
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly options: JobRunnerOptions,
    onError: (error: unknown) => void,
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
      schema: "pgboss",
      supervise: options.workers,
      schedule: options.workers,
      migrate: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    } as PgBoss.ConstructorOptions);
    this.boss.on("error", (error) => onError(error));
  }

  /**
   * Creates or upgrades the job library's schema and every queue (as the owner role, before the runtime role is
   * granted them: a new queue is a new partition of the jobs table, which only its owner may attach).
   */
  static async migrate(
    owner: Database,
    jobs: readonly JobSpec<unknown>[],
    options: Pick<JobRunnerOptions, "retryDelaySeconds" | "expireInSeconds"> = {},
  ): Promise<void> {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => owner.executeSql(text, values) },
      schema: "pgboss",
      supervise: false,
      schedule: false,
      migrate: true,
    } as PgBoss.ConstructorOptions);
    await boss.start();
    try {
      await createQueues(boss, jobs, options);
    } finally {
      await boss.stop({ graceful: false, close: false, wait: true });
    }
  }

  /** Creates the queues (and their dead-letter queue), the schedules and, if enabled, the workers. */
  async start(ctx: AppContext, jobs: readonly JobSpec<unknown>[], schedules: readonly ScheduleSpec[]): Promise<void> {
    await this.boss.start();
    this.started = true;
    await createQueues(this.boss, jobs, this.options);
    for (const spec of jobs) this.specs.set(spec.name, spec);
    if (!this.options.workers) return;
    // attempts left active by a process that was killed, and whose lease has run out, are retried at once
    await (this.boss as unknown as { expire(): Promise<void> }).expire();
    for (const schedule of schedules) {
      await this.boss.schedule(schedule.job, schedule.cron, schedule.payload ?? {}, {
        tz: "Europe/Paris",
        key: schedule.name,
      } as PgBoss.ScheduleOptions);
    }
    for (const spec of jobs) {
      const options = { pollingIntervalSeconds: this.options.pollingIntervalSeconds, batchSize: 1, includeMetadata: true } as const;
      await this.boss.work<Envelope>(spec.name, options, async ([job]) => {
        if (!job) return;
        const payload = spec.payload.parse(job.data.donnees);
        const attempt = job.retryCount + 1;
        await spec.handler(payload, { ctx, jobId: job.id, attempt, lastAttempt: job.retryCount >= job.retryLimit });
      });
    }
  }

  /**
   * The outbox of one transaction: `executeSql` runs in it, so the job exists only if the transaction
   * commits. Unknown job types are a programming error, refused at once.
   */
  outbox(executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>): Outbox {
    return {
      enqueue: async (job: string, payload: Record<string, unknown>, options: EnqueueOptions = {}) => {
        const spec = this.specs.get(job);
        if (!spec) throw new Error(`Type de tâche inconnu : ${job}`);
        spec.payload.parse(payload);
        const id = await this.boss.send(job, { tache: job, donnees: payload } satisfies Envelope, {
          db: { executeSql },
          ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
          ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        } as PgBoss.SendOptions);
        if (id === null && !options.singletonKey) throw new Error(`La tâche ${job} n'a pas pu être enregistrée (file absente).`);
      },
    };
  }

  /** Jobs that used up their retries (the dead-letter queue), newest first. */
  async failed(limit: number, offset: number): Promise<{ total: number; taches: FailedJob[] }> {
    const total = await this.database.executeSql("select count(*)::int as n from pgboss.job where name = $1 and state = 'created'", [
      DEAD_LETTER_QUEUE,
    ]);
    const rows = await this.database.executeSql(
      `select id, data, output, created_on from pgboss.job where name = $1 and state = 'created' order by created_on desc, id limit $2 offset $3`,
      [DEAD_LETTER_QUEUE, limit, offset],
    );
    return {
      total: Number((total.rows[0] as { n: number } | undefined)?.n ?? 0),
      taches: (rows.rows as { id: string; data: Partial<Envelope>; output: { message?: unknown } | null; created_on: Date }[]).map((r) => ({
        id: r.id,
        job: String(r.data.tache ?? "inconnue"),
        payload: r.data.donnees ?? null,
        erreur: typeof r.output?.message === "string" ? r.output.message : null,
        echoueLe: new Date(r.created_on),
      })),
    };
  }

  /** Re-sends a dead job to its own queue (a new attempt), and removes it from the dead-letter queue. */
  async retryFailed(id: string): Promise<{ job: string } | null> {
    const found = await this.database.executeSql("select data from pgboss.job where name = $1 and id = $2 and state = 'created'", [
      DEAD_LETTER_QUEUE,
      id,
    ]);
    const data = (found.rows[0] as { data: Partial<Envelope> } | undefined)?.data;
    if (!data) return null;
    const job = String(data.tache ?? "");
    if (!this.specs.has(job)) return null;
    await this.boss.send(job, { tache: job, donnees: data.donnees ?? {} } satisfies Envelope);
    await this.boss.deleteJob(DEAD_LETTER_QUEUE, id);
    return { job };
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 5_000, close: false, wait: true });
  }
}
