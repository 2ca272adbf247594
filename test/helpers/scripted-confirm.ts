/**
 * TEST ONLY. Main's own confirmation dialog (confirmations.ts) as tests drive it: it answers what the test
 * says (yes by default, as a user who means it) and keeps every question, so a test can check that main asked.
 */
import type { ConfirmAdapter, ConfirmRequest } from '../../electron/main/confirmations';

export class ScriptedConfirm {
  /** What the "user" answers next (and after). */
  answer = true;
  /** Every question main asked, oldest first. */
  readonly asked: ConfirmRequest[] = [];

  readonly confirm: ConfirmAdapter = async (request) => {
    this.asked.push(request);
    return this.answer;
  };
}
