/** Which part of the Use screen an error from main is about, so it is shown next to that control. */
import type { ErrorCode } from '../../../shared/errors';

export type UseErrorPlace = 'keys' | 'project' | 'file' | 'variables' | 'form';

export function placeError(code: ErrorCode | undefined, message: string): UseErrorPlace {
  switch (code) {
    case 'KEY_INACTIVE':
      return 'keys';
    case 'FORBIDDEN':
    case 'FILE_ERROR':
      return /project folder/i.test(message) ? 'project' : 'file';
    case 'NOT_FOUND':
      return /project/i.test(message) ? 'project' : 'keys';
    case 'VALIDATION':
      if (/variable|API_KEY_REQUIRED/i.test(message)) return 'variables';
      if (/file name/i.test(message)) return 'file';
      return /key/i.test(message) ? 'keys' : 'form';
    default:
      return 'form';
  }
}
