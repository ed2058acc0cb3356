import type { Db } from '../store/open.ts';
import { stmt } from '../store/changes.ts';
import type { HandlerContext } from '../api/handler-types.ts';
import type { BackgroundMethod } from './contract.ts';
import { refiHandlers } from '../features/refi/handlers.ts';
import { anonymiseHandlers } from '../features/anonymise/handlers.ts';
import { reportsHandlers } from '../features/reports/handlers.ts';
import { agreementHandlers } from '../features/agreement/handlers.ts';
import { reconcileHandlers } from '../features/reconcile/handlers.ts';

/** Agreement runs in a worker from this many codings in the project (2 x 10,000 codings take ~0.15 s). */
export const AGREEMENT_WORKER_FROM = 20_000;

const always = () => true;
const large = (db: Db) => (stmt(db, 'SELECT COUNT(*) AS n FROM codings').get() as { n: number }).n >= AGREEMENT_WORKER_FROM;

type AnyHandler = (input: never, h: HandlerContext) => unknown;
const job = (handler: AnyHandler, when: (db: Db) => boolean) => ({
  handler: handler as (input: unknown, h: HandlerContext) => unknown,
  when,
});

/**
 * The long work that runs in a worker thread with its own connection, so that every other call
 * is answered meanwhile: REFI-QDA in and out, the anonymised copy and its report, reports for the
 * paper, the coder copy, and agreement on large projects. The handler is the same one; everything else is quick
 * and runs on the main thread. (The worker loads only these handlers.)
 */
type Job = { handler: (input: unknown, h: HandlerContext) => unknown; when: (db: Db) => boolean };
export const BACKGROUND: Record<BackgroundMethod, Job> = {
  'refi.import': job(refiHandlers['refi.import'], always),
  'refi.export': job(refiHandlers['refi.export'], always),
  'anonymise.export': job(anonymiseHandlers['anonymise.export'], always),
  'anonymise.report': job(anonymiseHandlers['anonymise.report'], always),
  'reports.export': job(reportsHandlers['reports.export'], always),
  'agreement.compute': job(agreementHandlers['agreement.compute'], large),
  'agreement.report': job(agreementHandlers['agreement.report'], large),
  'reconcile.coderCopy': job(reconcileHandlers['reconcile.coderCopy'], always),
};

export const runsInBackground = (method: string, db: Db): boolean =>
  Object.hasOwn(BACKGROUND, method) && BACKGROUND[method as BackgroundMethod].when(db);
