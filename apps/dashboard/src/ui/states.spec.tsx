import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/problem';
import { ErrorView } from './states';

describe('an error', () => {
  it("shows the API's problem with each bad field or cell it named", () => {
    const error = new ProblemError({
      type: '/api/problems/invalid-invoice',
      title: 'Invalid invoice',
      status: 400,
      detail: '2 cells are wrong',
      errors: [
        { line: 3, column: 'amount', rule: 'number', message: 'must be a number' },
        { line: 4, column: null, rule: 'columns', message: 'has 4 cells, the header 5' },
      ],
    });
    render(<ErrorView error={error} action="Import refused" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Import refused: Invalid invoice');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'line 3, amount: must be a number',
      'line 4: has 4 cells, the header 5',
    ]);
  });

  it('says the ledger could not be reached when there is no answer at all', () => {
    render(<ErrorView error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('The ledger could not be reached');
  });
});
