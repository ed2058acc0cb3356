import type { Handlers } from '../../api/handler-types.ts';
import { computeAgreement } from './compute.ts';
import { methodsParagraph, reportCsv, reportHtml } from './report.ts';
import { APP_VERSION } from '../../core/version.ts';

type Method = 'agreement.compute' | 'agreement.report';

export const agreementHandlers: Handlers<Method> = {
  'agreement.compute': (i, h) => {
    h.progress('computing agreement');
    return computeAgreement(h.db, i);
  },
  'agreement.report': (i, h) => {
    // The report reads the engine's result as computed; the service validates what this method returns.
    const r = computeAgreement(h.db, i);
    return { html: reportHtml(r, APP_VERSION), csv: reportCsv(r), methods: methodsParagraph(r, APP_VERSION) };
  },
};
