import { describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../shared/exports';
import { suggestVariables } from '../../electron/core/exports/suggest-variables';

const keys: Record<string, { name: string; prefix: string; metadata: Record<string, string> }> = {
  mcp: { name: 'Production Key', prefix: 'mcp_sk_', metadata: {} },
  mcp2: { name: 'Staging', prefix: 'mcp_sk_', metadata: {} },
  openai: { name: 'My OpenAI', prefix: 'sk-proj-', metadata: {} },
  openai2: { name: 'Second OpenAI', prefix: 'sk-', metadata: {} },
  anthropic: { name: 'claude', prefix: 'sk-ant-', metadata: {} },
  stripe: { name: 'billing', prefix: '', metadata: { provider: 'Stripe' } },
  plain: { name: '9 lives', prefix: '', metadata: {} },
};
const keyOf = (id: string) => keys[id]!;

describe('suggestVariables', () => {
  it('names each key by its prefix or provider, else its name, whatever its place in the list', () => {
    const expected = { openai: 'OPENAI_API_KEY', mcp: 'MCP_API_KEY', anthropic: 'ANTHROPIC_API_KEY', stripe: 'STRIPE_API_KEY', plain: 'KEY_9_LIVES_API_KEY' };
    expect(suggestVariables([], null, Object.keys(expected), keyOf)).toEqual(expected);
    const reversed = Object.keys(expected).reverse();
    expect(suggestVariables([], null, reversed, keyOf)).toEqual(expected);
  });

  it('uses the default variable for MCP keys; a second key of a kind is named after itself', () => {
    expect(suggestVariables([], null, ['mcp', 'mcp2', 'openai', 'openai2'], keyOf, 'SERVICE_KEY')).toEqual({
      mcp: 'SERVICE_KEY',
      mcp2: 'STAGING_API_KEY',
      openai: 'OPENAI_API_KEY',
      openai2: 'SECOND_OPENAI_API_KEY',
    });
  });

  it('keeps the variable a key had in the project, and none from another project or no project', () => {
    const exports = [{ projectId: 'p1', keyId: 'openai', variable: 'LLM_KEY' } as ExportRecord];
    expect(suggestVariables(exports, 'p1', ['openai'], keyOf)).toEqual({ openai: 'LLM_KEY' });
    expect(suggestVariables(exports, 'p2', ['openai'], keyOf)).toEqual({ openai: 'OPENAI_API_KEY' });
    expect(suggestVariables(exports, null, ['openai'], keyOf)).toEqual({ openai: 'OPENAI_API_KEY' });
  });

  it('never gives two keys one variable, even when names collide', () => {
    const same = { a: { name: 'x', prefix: '', metadata: {} }, b: { name: 'x', prefix: '', metadata: {} } };
    expect(suggestVariables([], null, ['a', 'b'], (id) => same[id as 'a' | 'b'])).toEqual({ a: 'X_API_KEY', b: 'X_2_API_KEY' });
  });
});
