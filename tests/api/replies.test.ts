import { describe, expect, it } from 'vitest';
import { ThematicError } from '../../src/core/errors.ts';
import { errorBody } from '../../src/server/http-errors.ts';
import { toErrorReply } from '../../electron/ipc.ts';
import { tmpProject } from '../helpers/project.ts';

describe('one error mapping for IPC and HTTP', () => {
  it('gives the same code and one-line message over both transports', () => {
    const cases: unknown[] = [
      new ThematicError('locked', 'study.thematic: the project is open in another window or process; close it there first'),
      new ThematicError('invalid_input', 'first line\n    at secret/stack/frame.ts:1:1'),
      new Error('disk on fire\n    at /home/someone/src/store/open.ts:12:3'),
      'a string, not an Error',
    ];
    for (const e of cases) {
      const ipc = toErrorReply(e);
      const http = errorBody(e);
      expect(ipc).toEqual({ ok: false, error: http.body.error });
      expect(http.body.error.message).not.toContain('\n');
    }
    expect(errorBody(cases[2]).status).toBe(500);
    expect(errorBody(cases[2]).body.error).toEqual({ code: 'internal', message: 'disk on fire' });
    expect(errorBody(cases[0]).status).toBe(409);
  });

  it("has app.openProject in the contract: a service alone refuses it, validation is the contract's", async () => {
    const { service } = tmpProject();
    try {
      await expect(service.call('app.openProject', { path: '/tmp/x.thematic' })).rejects.toMatchObject({ code: 'not_supported' });
      await expect(service.call('app.openProject', { path: '/tmp/x.txt' })).rejects.toThrow(/a project file ends in \.thematic/);
    } finally {
      service.close();
    }
  });
});
