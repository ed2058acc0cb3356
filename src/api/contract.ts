import { z } from 'zod';
import { projectMethods } from '../features/project/contract.ts';
import { documentsMethods } from '../features/documents/contract.ts';
import { participantsMethods } from '../features/participants/contract.ts';
import { codesMethods } from '../features/codes/contract.ts';
import { memosMethods } from '../features/memos/contract.ts';
import { historyMethods } from '../features/history/contract.ts';
import { searchMethods } from '../features/search/contract.ts';
import { themesMethods } from '../features/themes/contract.ts';
import { mapMethods } from '../features/map/contract.ts';
import { agreementMethods } from '../features/agreement/contract.ts';
import { refiMethods } from '../features/refi/contract.ts';
import { reportsMethods } from '../features/reports/contract.ts';
import { anonymiseMethods } from '../features/anonymise/contract.ts';
import { jobsMethods } from '../jobs/contract.ts';
import { backupMethods } from '../features/backups/contract.ts';
import { mediaMethods } from '../features/media/contract.ts';
import { withStringLimits } from './contract-limits.ts';
import { reconcileMethods } from '../features/reconcile/contract.ts';
import { appMethods } from '../features/project/app-contract.ts';

/**
 * The one API: every operation the UI, the CLI, the web mode and Electron can perform.
 * Each method has a zod input and output; `mutates` methods run as one transaction and one
 * entry in the operation log. Pure data: this module is safe to import in the renderer. Each feature's
 * methods are in src/features/<feature>/contract.ts; this file merges them, one spread line each.
 */
export const contract = withStringLimits({
  ...projectMethods,
  ...documentsMethods,
  ...participantsMethods,
  ...codesMethods,
  ...memosMethods,
  ...historyMethods,
  ...searchMethods,
  ...themesMethods,
  ...mapMethods,
  ...agreementMethods,
  ...reconcileMethods,
  ...refiMethods,
  ...reportsMethods,
  ...anonymiseMethods,
  ...jobsMethods,
  ...backupMethods,
  ...mediaMethods,
  ...appMethods,
} as const);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];
export const isMethod = (m: string): m is MethodName => Object.hasOwn(contract, m);
