import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answerFetch, renderPage, tokenFor } from '../testing/render-page';
import FleetPage from './fleet-page';

const admin = tokenFor({ role: 'reseller-admin', resellerId: 'RS-Vertical' });
const row = (customerId: string, name: string, held: number) => ({
  customerId,
  name,
  resellerId: 'RS-Vertical',
  held,
  available: 1,
  idle: 1,
  pendingOrders: 0,
  awaitingApproval: 0,
  awaitingFinalConfirm: 0,
});
const show = () => renderPage(<FleetPage />, { path: '/fleet', url: '/fleet', token: admin });

describe('the fleet page', () => {
  it('shows loading, then every customer of the reseller with its licenses, fetching every page', async () => {
    const calls = answerFetch({
      '/api/resellers/RS-Vertical/customers': (url) =>
        url.searchParams.get('cursor')
          ? { body: { items: [row('C2', 'East Logistics', 5)], nextCursor: null } }
          : { body: { items: [row('C1', 'Vertical Demo', 10)], nextCursor: 'C1' } },
    });
    show();
    expect(screen.getByRole('status').textContent).toMatch(/Loading the fleet/);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      expect.stringContaining('Customer'),
      expect.stringMatching(/^East Logistics C2/),
      expect.stringMatching(/^Vertical Demo/),
    ]);
    expect(calls.map((c) => c.searchParams.get('cursor'))).toEqual([null, 'C1']);
  });

  it('says so when the reseller has no customer, and when the search matches none', async () => {
    answerFetch({
      '/api/resellers/RS-Vertical/customers': {
        body: { items: [row('C1', 'Vertical Demo', 10)], nextCursor: null },
      },
    });
    show();
    await screen.findByRole('table');
    await userEvent.type(screen.getByRole('searchbox'), 'zzz');
    expect(await screen.findByText(/No customer matches/)).toBeTruthy();
  });

  it('shows the problem the API answered when the reseller is not registered', async () => {
    answerFetch({
      '/api/resellers/RS-Vertical/customers': {
        status: 403,
        body: {
          type: '/api/problems/reseller-not-registered',
          title: 'Reseller not registered',
          status: 403,
          detail: 'reseller RS-Vertical is not registered',
        },
      },
    });
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Reseller not registered');
    expect(alert.textContent).toContain('reseller RS-Vertical is not registered');
  });

  it('says when there is no customer at all', async () => {
    answerFetch({ '/api/resellers/RS-Vertical/customers': { body: { items: [], nextCursor: null } } });
    show();
    expect(await screen.findByText(/No customers yet/)).toBeTruthy();
  });
});
