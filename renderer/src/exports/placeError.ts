/**
 * Which control of the Use dialog an error from main is shown beside: the request field it names (zod's path
 * for a refused payload, or the field main's check gave), else what its code says it is about.
 */
import type { ErrorCode } from '../../../shared/errors';

export type UseErrorPlace = 'keys' | 'project' | 'file' | 'variables' | 'form';

/** Top-level fields of exports:preview / exports:write. */
const PLACE_OF_FIELD: Record<string, UseErrorPlace> = { projectId: 'project', fileName: 'file', keys: 'keys' };

export function placeError({ code, field }: { code: ErrorCode | undefined; field: string | undefined }): UseErrorPlace {
  if (field !== undefined) {
    const [top = '', , inKey] = field.split('.');
    if (top === 'keys' && inKey === 'variable') return 'variables';
    return Object.hasOwn(PLACE_OF_FIELD, top) ? PLACE_OF_FIELD[top]! : 'form';
  }
  switch (code) {
    // A key that cannot be written, or whose value is gone (a missing project names its field).
    case 'KEY_INACTIVE':
    case 'NOT_FOUND':
      return 'keys';
    // The file could not be read or written, or leads out of the project (the project folder names its field).
    case 'FILE_ERROR':
    case 'FORBIDDEN':
      return 'file';
    default:
      return 'form';
  }
}
