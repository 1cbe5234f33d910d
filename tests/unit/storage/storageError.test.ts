import { describe, expect, it } from 'vitest';
import { classifyStorageError, describeStorageError, type StorageAction } from '../../../src/storage/storageError';

/** What Dexie throws around the browser's error: `inner`, and a BulkError's `failures`. */
function dexieError(name: string, inner?: unknown, failures?: unknown[]): Error & { inner?: unknown; failures?: unknown[] } {
  const error: Error & { inner?: unknown; failures?: unknown[] } = new Error(`${name} wrapped`);
  error.name = name;
  if (inner !== undefined) error.inner = inner;
  if (failures !== undefined) error.failures = failures;
  return error;
}

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyStorageError', () => {
  it.each<[string, unknown, ReturnType<typeof classifyStorageError>]>([
    ['QuotaExceededError itself', quota(), 'quota'],
    ['Dexie AbortError with the quota error inside', dexieError('AbortError', quota()), 'quota'],
    ['Dexie QuotaExceededError (its own class name)', dexieError('QuotaExceededError'), 'quota'],
    ['AbortError whose message only says quota (Chromium)', dexieError('AbortError', new DOMException('Transaction aborted: quota exceeded', 'AbortError')), 'quota'],
    ['a BulkError with a quota failure', dexieError('BulkError', undefined, [quota()]), 'quota'],
    ['a BulkError with a ConstraintError (a document stored meanwhile)', dexieError('BulkError', undefined, [new DOMException('Key already exists', 'ConstraintError')]), 'constraint'],
    ['a ConstraintError', new DOMException('unique', 'ConstraintError'), 'constraint'],
    ['an unknown error', new Error('boom'), 'other'],
    ['a string', 'boom', 'other'],
    ['null', null, 'other'],
  ])('%s → %s', (_, error, kind) => {
    expect(classifyStorageError(error)).toBe(kind);
  });
});

describe('describeStorageError', () => {
  it.each<StorageAction>(['import', 'edit', 'restore', 'group', 'erase', 'undo', 'startup'])('a full disk during %s says it is full, how much is used and what to do', (action) => {
    const problem = describeStorageError(dexieError('AbortError', quota()), action, { used: 50 * 1024 * 1024, quota: 52.5 * 1024 * 1024 });
    expect(problem.code).toBe('storage.full');
    expect(problem.level).toBe('error');
    expect(problem.message).toMatch(/^O armazenamento do navegador está cheio \(o Clientela usa 50 MB de 52,5 MB permitidos\)\./);
    expect(problem.message).toContain('libere espaço no disco');
    expect(problem.message).toContain('armazenamento persistente');
    expect(problem.message).toContain('cópia de segurança');
  });

  it('without an estimate the sentence still says the storage is full', () => {
    expect(describeStorageError(quota(), 'edit', null).message).toMatch(/^O armazenamento do navegador está cheio\. A alteração não foi salva\./);
  });

  it.each<[string, unknown, string]>([
    ['a document stored meanwhile', dexieError('BulkError', undefined, [new DOMException('x', 'ConstraintError')]), 'storage.conflict'],
    ['anything else', new Error('boom'), 'storage.failed'],
  ])('%s has its own code and a Portuguese sentence', (_, error, code) => {
    const problem = describeStorageError(error, 'import', null);
    expect(problem.code).toBe(code);
    expect(problem.message).toMatch(/^[A-Z].{40,}\.$/);
    expect(problem.message).toContain('Retomar importação');
  });
});
