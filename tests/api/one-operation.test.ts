// "A mutating method is one undoable transaction by construction" (issue 10): the context a handler
// gets refuses a write from a method the contract calls read-only, and a second write in one call.
import { afterEach, describe, expect, it } from 'vitest';
import { handlerContext } from '../../src/jobs/handler-context.ts';
import { coderId } from '../../src/features/participants/coders.ts';
import { dbOf } from '../helpers/db.ts';
import { tmpProject } from '../helpers/project.ts';
import type { Service } from '../../src/api/service.ts';

let service: Service | undefined;
afterEach(() => service?.close());

function context(method: string) {
  const p = tmpProject();
  service = p.service;
  const db = dbOf(p.service);
  return { db, h: handlerContext({ db, path: p.file, actor: 'tester', method }) };
}

const operations = (db: ReturnType<typeof dbOf>) => (db.prepare('SELECT COUNT(*) AS n FROM operations').get() as { n: number }).n;

describe('one call, one undoable operation', () => {
  it('a mutating method writes once, as one operation', () => {
    const { db, h } = context('coders.create');
    const before = operations(db);
    h.op('Add coder A', (tx) => coderId(tx, 'A'));
    expect(operations(db)).toBe(before + 1);
  });

  it('a second write in the same call is refused, and nothing of it is kept', () => {
    const { db, h } = context('coders.create');
    h.op('Add coder A', (tx) => coderId(tx, 'A'));
    const before = operations(db);
    expect(() => h.op('Add coder B', (tx) => coderId(tx, 'B'))).toThrow(/coders\.create wrote twice/);
    expect(operations(db)).toBe(before);
    expect((db.prepare("SELECT COUNT(*) AS n FROM coders WHERE name = 'B'").get() as { n: number }).n).toBe(0);
  });

  it('a method the contract calls read-only cannot write', () => {
    const { db, h } = context('codes.list');
    const before = operations(db);
    expect(() => h.op('Sneak a coder in', (tx) => coderId(tx, 'C'))).toThrow(/codes\.list is not marked as changing the project/);
    expect(operations(db)).toBe(before);
  });
});
