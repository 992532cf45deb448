import { describe, expect, it } from 'vitest';
import { cleanCode, cleanPhone, halfWidth } from '@/utils/phone-input';
import { phoneError, smsCodeError } from '@/utils/validation';

// Numbers as people paste them (issue 13): one rule for the popup, the runner and the options page.

describe('cleanPhone', () => {
  it.each([
    ['13900139001', '13900139001'],
    ['+86 139 0013 9001', '13900139001'],
    ['139-0013-9001', '13900139001'],
    ['0086 139 0013 9001', '13900139001'],
    ['008613900139001', '13900139001'],
    ['8613900139001', '13900139001'],
    ['+86-139-0013-9001', '13900139001'],
    ['(+86) 139.0013.9001', '13900139001'],
    ['１３９００１３９００１', '13900139001'],
    ['＋８６　１３９　００１３　９００１', '13900139001'],
    [' 139 0013 9001\n', '13900139001'],
    ['139\u20120013\u20129001', '13900139001'],
  ])('reads %j as %s', (typed, phone) => {
    expect(cleanPhone(typed)).toBe(phone);
    expect(phoneError(cleanPhone(typed))).toBeUndefined();
  });

  it.each([
    ['1390013900', 'ten digits'],
    ['+1 139 0013 9001', 'another country'],
    ['86 1390013900', 'a country code before ten digits'],
    ['139OO139001', 'letters O for zeros'],
    ['', 'nothing'],
  ])('leaves %j for the rule to refuse (%s)', (typed) => {
    expect(phoneError(cleanPhone(typed))).toBeDefined();
  });
});

describe('cleanCode', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['１２３４５６', '123456'],
    ['１２３　４５６', '123456'],
  ])('reads %j as %s', (typed, code) => {
    expect(cleanCode(typed)).toBe(code);
    expect(smsCodeError(cleanCode(typed))).toBeUndefined();
  });

  it('leaves letters for the rule to refuse', () => {
    expect(smsCodeError(cleanCode('12a456'))).toBeDefined();
  });
});

describe('halfWidth', () => {
  it('folds full-width digits, colon and space to ASCII', () => {
    expect(halfWidth('８：０５　')).toBe('8:05 ');
  });
});
