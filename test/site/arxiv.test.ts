import { describe, expect, it } from 'vitest';
import { isArxivPageOf } from '../../src/site/arxiv.ts';

describe('isArxivPageOf', () => {
  it.each([
    ['https://arxiv.org/abs/2401.00001', true],
    ['http://arxiv.org/abs/2401.00001v3', true],
    ['https://export.arxiv.org/abs/2401.00001/', true],
    ['https://ArXiv.org/pdf/2401.00001v2.pdf', true],
    ['https://arxiv.org/pdf/2401.00001', true],
    ['https://arxiv.org/abs/2401.00001?context=cs', true],
    ['https://arxiv.org/abs/2401.000012', false],
    ['https://arxiv.org/abs/2401.00001v', false],
    ['https://arxiv.org/abs/2401.00001v2x', false],
    ['https://arxiv.org/html/2401.00001', false],
    ['https://notarxiv.org/abs/2401.00001', false],
    ['https://arxiv.org.evil.example/abs/2401.00001', false],
    ['https://github.com/arxiv.org/abs/2401.00001', false],
  ])('%s → %s', (url, expected) => {
    expect(isArxivPageOf(url, '2401.00001')).toBe(expected);
  });

  it('takes old-style identifiers with a slash, and a dot in an identifier only as a dot', () => {
    expect(isArxivPageOf('https://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001')).toBe(true);
    expect(isArxivPageOf('https://arxiv.org/abs/2401x00001', '2401.00001')).toBe(false);
  });
});
