import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOASTS, useUiStore } from '../../renderer/src/ui/uiStore';

describe('toasts', () => {
  beforeEach(() => useUiStore.setState({ toasts: [] }));

  it('shows at most two at once, the newest', () => {
    expect(MAX_TOASTS).toBe(2);
    const { toast, toastError } = useUiStore.getState();
    toast('one');
    toast('two');
    toastError('three');
    toast('four');
    expect(useUiStore.getState().toasts.map((t) => t.message)).toEqual(['three', 'four']);
  });
});
