import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from './demo-options.js';

const TODAY = '2026-11-26';
const parse = (...args: string[]) => parseDemoArgs(args, TODAY);

describe('the demo options', () => {
  it('defaults to 25 customers over 24 months with seed 1, ending today', () => {
    expect(parse()).toEqual({ options: { customers: 25, months: 24, seed: 1, end: TODAY } });
  });

  it('reads each option, as --name value or --name=value', () => {
    expect(parse('--customers', '5', '--months=6', '--seed', '42', '--end', '2026-07-01')).toEqual({
      options: { customers: 5, months: 6, seed: 42, end: '2026-07-01' },
    });
  });

  it('names the option whose value is wrong, and what it accepts', () => {
    expect(parse('--customers', '2')).toEqual({
      error: '--customers must be an integer from 3 to 200, got "2"',
    });
    expect(parse('--months', '1.5')).toEqual({
      error: '--months must be an integer from 3 to 120, got "1.5"',
    });
    expect(parse('--seed=-1')).toEqual({ error: '--seed must be an integer from 0 to 2147483647, got "-1"' });
    expect(parse('--end', '2026-02-30')).toEqual({
      error: `--end must be a date YYYY-MM-DD no later than today (${TODAY}), got "2026-02-30"`,
    });
    expect(parse('--end', '2026-11-27')).toMatchObject({ error: expect.stringContaining('--end') });
  });

  it('names an unknown option, a missing value and a stray argument', () => {
    expect(parse('--colour', 'blue')).toEqual({
      error: 'unknown option --colour (the options are --customers, --months, --seed, --end)',
    });
    expect(parse('--seed')).toEqual({ error: '--seed needs a value' });
    expect(parse('25')).toEqual({ error: 'unexpected argument "25": options are written --name value' });
  });

  it('asks for the usage with --help', () => {
    expect(parse('--help')).toEqual({ help: true });
  });
});
