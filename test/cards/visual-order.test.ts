import { describe, expect, it } from 'vitest';
import { baseDirection, visualOrder } from '../../src/build/cards/visual-order.ts';

describe('right-to-left titles on a card', () => {
  it('takes the direction of the first letter', () => {
    expect(baseDirection('2025: שלום')).toBe('rtl');
    expect(baseDirection('Hello שלום')).toBe('ltr');
    expect(baseDirection('123 —')).toBe('ltr');
  });

  it('reverses a right-to-left run and lays the runs from the right, numbers and Latin words kept', () => {
    // Logical: "שלום עולם 2025 GPT" → drawn: "GPT 2025 םלוע םולש".
    expect(visualOrder('שלום עולם 2025 GPT', 'rtl')).toBe('2025 GPT םלוע םולש');
  });

  it('reverses a right-to-left word inside a left-to-right title only', () => {
    expect(visualOrder('Models for שלום today', 'ltr')).toBe('Models for םולש today');
  });

  it('leaves left-to-right text alone', () => {
    expect(visualOrder('Attention (is) all', 'ltr')).toBe('Attention (is) all');
  });
});
