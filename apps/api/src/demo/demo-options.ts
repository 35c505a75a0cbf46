import { parseArgs } from 'node:util';
import { isCalendarDate } from '@ledger/domain';

/** What the demo history is made of; the same options and seed make the same history. */
export interface DemoOptions {
  readonly customers: number;
  /** How many months before `end` the history starts. */
  readonly months: number;
  readonly seed: number;
  /** The day the history ends before ('YYYY-MM-DD', UTC): today by default, so the demo is recent. */
  readonly end: string;
}

/** What `npm start` records into an empty ledger, ending today. */
export const defaultDemoOptions = (today: string): DemoOptions => ({
  customers: 25,
  months: 24,
  seed: 1,
  end: today,
});

export const DEMO_USAGE =
  'usage: npm run demo -- [--customers 3..200 (25)] [--months 3..120 (24)] [--seed 0..2147483647 (1)] [--end YYYY-MM-DD, at most today (today)]';

export type ParsedDemoArgs =
  { readonly options: DemoOptions } | { readonly help: true } | { readonly error: string };

const INTEGERS = {
  customers: [3, 200],
  months: [3, 120],
  seed: [0, 2_147_483_647],
} as const;

const integer = (
  name: keyof typeof INTEGERS,
  value: string | undefined,
  fallback: number,
): number | string => {
  if (value === undefined) return fallback;
  const [min, max] = INTEGERS[name];
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number >= min && number <= max
    ? number
    : `--${name} must be an integer from ${min} to ${max}, got "${value}"`;
};

/** node:util parseArgs' refusals, told with the option's name in one line. */
const argumentError = (error: unknown): string => {
  const { code, message } = error as { code?: string; message?: string };
  const named = /'([^']*)'/.exec(message ?? '')?.[1]?.split(' ')[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown option ${named} (the options are --customers, --months, --seed, --end)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${named} needs a value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument "${named}": options are written --name value`;
  return message?.split('\n')[0] ?? String(error);
};

/** The demo CLI's options from its arguments; `today` ('YYYY-MM-DD') is the default and latest end. */
export function parseDemoArgs(args: readonly string[], today: string): ParsedDemoArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        customers: { type: 'string' },
        months: { type: 'string' },
        seed: { type: 'string' },
        end: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: argumentError(error) };
  }
  if (values.help) return { help: true };
  const defaults = defaultDemoOptions(today);
  const read = (name: keyof typeof INTEGERS) =>
    integer(name, values[name] as string | undefined, defaults[name]);
  const [customers, months, seed] = [read('customers'), read('months'), read('seed')];
  for (const value of [customers, months, seed]) if (typeof value === 'string') return { error: value };
  const end = (values.end as string | undefined)?.trim() ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end) || !isCalendarDate(end) || end > today)
    return { error: `--end must be a date YYYY-MM-DD no later than today (${today}), got "${end}"` };
  return { options: { customers: customers as number, months: months as number, seed: seed as number, end } };
}
