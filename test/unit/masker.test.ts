import { describe, expect, it } from 'vitest';
import { MASK, SecretMasker } from '../../electron/cli/masker';

/** Feeds `chunks` through a masker and returns everything it wrote. */
function through(secrets: string[], chunks: (string | Buffer)[]): Buffer {
  const masker = new SecretMasker(secrets);
  return Buffer.concat([...chunks.map((c) => masker.push(Buffer.from(c))), masker.end()]);
}

describe('SecretMasker', () => {
  const secret = 'mcp_sk_0123456789abcdefghijABCDEFGHIJ0123456789';

  it('masks every occurrence, and passes everything else byte for byte', () => {
    const binary = Buffer.from([0, 255, 10, 13, 0xc3, 0x28]);
    const out = through([secret], [Buffer.concat([binary, Buffer.from(`a ${secret} b ${secret}`), binary])]);
    expect(out.equals(Buffer.concat([binary, Buffer.from(`a ${MASK} b ${MASK}`), binary]))).toBe(true);
  });

  it('masks a secret split across chunks at every possible place', () => {
    const text = `before ${secret} after`;
    for (let cut = 1; cut < text.length; cut++) {
      expect(through([secret], [text.slice(0, cut), text.slice(cut)]).toString()).toBe(`before ${MASK} after`);
    }
    expect(through([secret], [...text]).toString()).toBe(`before ${MASK} after`);
  });

  it('holds back only what could start a secret, and gives it back at the end', () => {
    const masker = new SecretMasker([secret]);
    expect(masker.push(Buffer.from('Password: ')).toString()).toBe('Password: ');
    expect(masker.push(Buffer.from('x mcp_s')).toString()).toBe('x ');
    expect(masker.push(Buffer.from('k_nope')).toString()).toBe('mcp_sk_nope');
    expect(masker.push(Buffer.from('mcp_')).toString()).toBe('');
    expect(masker.end().toString()).toBe('mcp_');
  });

  it('masks several secrets, the longer one whole where they overlap', () => {
    const other = `${secret}-extended`;
    expect(through([secret, other], [`${other} ${secret}`]).toString()).toBe(`${MASK} ${MASK}`);
  });

  it('with no secrets, changes nothing', () => {
    expect(through([], ['abc', '']).toString()).toBe('abc');
  });
});
