/**
 * What main asks the user itself, in a dialog it draws, before doing what a compromised renderer must not do
 * unseen: hand out more than a few secrets in a short time, or destroy the only copy of a key's value. The
 * renderer can neither draw, answer nor skip that dialog: in the app it is Electron's message box on the window
 * (index.ts); the E2E bridge and the tests pass a stand-in the test answers. Plain Node: no `electron` import.
 */
import { VaultError } from '../../shared/errors';

/** One question, in words for the dialog. The button that goes ahead is `confirmLabel`; Cancel is the default. */
export interface ConfirmRequest {
  /** The window title, e.g. "Reveal a key". */
  title: string;
  /** The question, e.g. "Reveal key “Stripe”?". */
  message: string;
  /** Why the vault asks, and what happens. */
  detail: string;
  confirmLabel: string;
}

/** Shows the dialog; true only when the user chose `confirmLabel`. */
export type ConfirmAdapter = (request: ConfirmRequest) => Promise<boolean>;

export interface BudgetLimit {
  /** Uses allowed without asking… */
  count: number;
  /** …within this sliding window. */
  windowMs: number;
}

/**
 * Responses that carry a secret to the renderer (reveal, a generated key on create or rotate): a few a minute
 * without asking, which is more than a person reveals by hand.
 */
export const SECRET_BUDGET: BudgetLimit = { count: 3, windowMs: 60_000 };

/**
 * Copies: the secret stays in main (the renderer cannot read the clipboard: no API returns it and every
 * permission, clipboard-read included, is denied), but a copy spree would push every key through the clipboard,
 * where clipboard managers keep a history. More are allowed than reveals, since copying is the everyday use.
 */
export const COPY_BUDGET: BudgetLimit = { count: 10, windowMs: 60_000 };

/** Counts uses in a sliding window; `take` spends one if any is left. */
export class UseBudget {
  private uses: number[] = [];

  constructor(
    private readonly limit: BudgetLimit,
    private readonly now: () => number,
  ) {}

  take(): boolean {
    const now = this.now();
    this.uses = this.uses.filter((at) => now - at < this.limit.windowMs && at <= now);
    if (this.uses.length >= this.limit.count) return false;
    this.uses.push(now);
    return true;
  }
}

export class Confirmations {
  private open = false;

  constructor(private readonly adapter: ConfirmAdapter) {}

  /**
   * Asks the user. One dialog at a time: a request made while one is open is refused without another dialog,
   * so a flood of calls cannot stack up dialogs for the user to click through.
   */
  async ask(request: ConfirmRequest): Promise<boolean> {
    if (this.open) return false;
    this.open = true;
    try {
      return (await this.adapter(request)) === true;
    } catch {
      return false;
    } finally {
      this.open = false;
    }
  }

  /** Asks, and refuses the call (FORBIDDEN, nothing done) unless the user agrees. */
  async require(request: ConfirmRequest): Promise<void> {
    if (!(await this.ask(request))) {
      throw new VaultError('FORBIDDEN', `Not done: "${request.confirmLabel}" was not confirmed in the vault's own dialog.`);
    }
  }

  /** Within the budget, goes ahead; beyond it, asks. */
  async withinBudgetOrAsk(budget: UseBudget, request: ConfirmRequest): Promise<void> {
    if (!budget.take()) await this.require(request);
  }
}
