import { isOrderNumber } from '@ledger/domain';
import { z } from 'zod';

export interface CharacterProblem {
  readonly rule: 'no-null-character' | 'well-formed-unicode' | 'no-control-character';
  readonly message: string;
}

const NULL_CHARACTER: CharacterProblem = {
  rule: 'no-null-character',
  message: 'must not contain U+0000 (the null character)',
};
const LONE_SURROGATE: CharacterProblem = {
  rule: 'well-formed-unicode',
  message: 'must be well-formed Unicode (no unpaired UTF-16 surrogate)',
};
const CONTROL_CHARACTER: CharacterProblem = {
  rule: 'no-control-character',
  message: 'must not contain control characters',
};

/** Tab, line feed and carriage return are the control characters free text may carry. */
const FREE_TEXT_CONTROLS = /[^\P{Cc}\t\n\r]/u;
const ANY_CONTROL = /\p{Cc}/u;

/**
 * What is wrong with the characters of a string a client sent, if anything. U+0000 and unpaired
 * surrogates are refused in every string (PostgreSQL's jsonb and text refuse U+0000, and an
 * unpaired surrogate has no UTF-8 form); other control characters depend on the field.
 */
export const characterProblem = (value: string, controls?: RegExp): CharacterProblem | undefined => {
  if (value.includes('\u0000')) return NULL_CHARACTER;
  // In a `u` regex a surrogate pair is one code point, so \p{Cs} matches only an unpaired surrogate.
  if (/\p{Cs}/u.test(value)) return LONE_SURROGATE;
  if (controls?.test(value)) return CONTROL_CHARACTER;
  return undefined;
};

const characters = (controls: RegExp) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      const broken = characterProblem(value, controls);
      if (broken)
        context.addIssue({ code: 'custom', message: broken.message, params: { rule: broken.rule } });
    });

/** One line of text (a name, a title, a package): trimmed, no control characters at all. */
export const text = (max = 200) => characters(ANY_CONTROL).min(1).max(max);

/** Free text (a note, a comment, a reason): trimmed, may span lines, may be empty unless `min` says otherwise. */
export const freeText = (max: number, min = 0) => characters(FREE_TEXT_CONTROLS).min(min).max(max);

export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { message: 'must be a real calendar date', params: { rule: 'date' } },
  );

/** The format of customer and reseller ids. */
const identifier = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _');
export const customerId = identifier;
export const resellerId = identifier;

/** An order number: digits, and a number this ledger can have given an order. */
export const orderNo = z
  .string()
  .regex(/^\d+$/, 'must be a string of digits')
  .refine(isOrderNumber, {
    message: 'is not a number this ledger gives orders',
    params: { rule: 'range' },
  });

/** A user's extension (a phone number within one of the customer's sites). */
export const extension = z.number().int().min(0).max(99_999_999);

export const money = z
  .number()
  .nonnegative()
  .refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), {
    message: 'must have at most two decimals',
    params: { rule: 'cents' },
  });
