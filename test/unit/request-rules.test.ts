/**
 * The rules for requests live once, in shared/schemas.ts: a refused value comes back as VALIDATION with the
 * request field it is about (`field`, zod's issue path), which is how forms place the message.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toSerializedError, VaultError } from '../../shared/errors';
import { REQUIREMENT_VAR } from '../../shared/exports';
import { createKeyInputSchema, editKeyInputSchema, exportKeysSchema, parseOrThrow } from '../../shared/schemas';

function refusal(schema: z.ZodType, value: unknown): VaultError {
  try {
    parseOrThrow(schema, value);
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('the value was accepted');
}

const id = (n: number) => n.toString(16).padStart(16, '0');

describe('parseOrThrow', () => {
  it('names the field of the first problem as a dotted path', () => {
    expect(refusal(createKeyInputSchema, { name: '  ' })).toMatchObject({ code: 'VALIDATION', field: 'name', message: 'Name is required' });
    expect(refusal(createKeyInputSchema, { name: 'ok', expiresInDays: -1 }).field).toBe('expiresInDays');
    const edit = z.strictObject({ changes: editKeyInputSchema });
    expect(refusal(edit, { changes: { expiresAt: 'tomorrow' } })).toMatchObject({ field: 'changes.expiresAt', message: 'Expiry date must be an ISO 8601 date and time' });
  });

  it('says which element of a list is wrong in the message too; a named field needs nothing more', () => {
    const permission = refusal(createKeyInputSchema, { name: 'ok', permissions: ['read', 'Bad Scope'] });
    expect(permission.field).toBe('permissions.1');
    expect(permission.message).toMatch(/Permission may use only/);
    // Which element, the second: however the words put it (`permissions.1: …`, `… (item 2 of the list)`).
    expect(permission.message).toMatch(/permissions\.1|item 2/);
    expect(refusal(exportKeysSchema, { keys: [{ keyId: id(1), variable: '1BAD' }], require: true })).toMatchObject({
      field: 'keys.0.variable',
      message: 'Variable name must start with a letter or _ and use only letters, digits and _',
    });
  });

  it('an unknown field is about the request as a whole', () => {
    const error = refusal(createKeyInputSchema, { name: 'ok', extra: 1 });
    expect(error.message).toBe('Unknown field in request');
    expect(error.field).toBeUndefined();
  });

  it('the field crosses the wire with the code and message, and only when there is one', () => {
    expect(toSerializedError(new VaultError('CONFLICT', 'taken', { field: 'name' }))).toEqual({ code: 'CONFLICT', message: 'taken', field: 'name' });
    expect(toSerializedError(new VaultError('NOT_FOUND', 'gone'))).toEqual({ code: 'NOT_FOUND', message: 'gone' });
    expect(JSON.parse(JSON.stringify(new VaultError('VALIDATION', 'bad', { field: 'keys.0.variable' })))).toEqual({ code: 'VALIDATION', message: 'bad', field: 'keys.0.variable' });
  });
});

describe('the variables of one write into a .env file', () => {
  const issues = (keys: { keyId: string; variable: string }[], require: boolean) =>
    exportKeysSchema.safeParse({ keys, require }).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

  it('every name valid, each key its own, and API_KEY_REQUIRED only when the vault does not set it', () => {
    expect(issues([{ keyId: id(1), variable: 'MCP_API_KEY' }, { keyId: id(2), variable: 'OTHER_KEY' }], true)).toEqual([]);
    expect(
      issues(
        [
          { keyId: id(1), variable: 'A B' },
          { keyId: id(2), variable: 'SAME' },
          { keyId: id(3), variable: 'SAME' },
          { keyId: id(4), variable: REQUIREMENT_VAR },
        ],
        true,
      ),
    ).toEqual([
      ['keys.0.variable', 'Variable name must start with a letter or _ and use only letters, digits and _'],
      ['keys.1.variable', 'Each key needs its own variable name.'],
      ['keys.2.variable', 'Each key needs its own variable name.'],
      ['keys.3.variable', `${REQUIREMENT_VAR} is set by the vault itself: choose another name.`],
    ]);
    expect(issues([{ keyId: id(1), variable: REQUIREMENT_VAR }], false)).toEqual([]);
    expect(issues([], true)).toEqual([['keys', 'Choose at least one key']]);
  });
});
