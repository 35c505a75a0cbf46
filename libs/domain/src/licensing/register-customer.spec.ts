import { describe, it } from 'vitest';
import { CUSTOMER_ID, given, on, registerDemo, run } from '../testing/customer-fixtures.js';

const withSites = (sites: { name: string; extensionMin: number; extensionMax: number }[]) =>
  on('RegisterCustomer', { name: 'Vertical Demo', resellerId: 'RS-Vertical', servicePlan: 'Standard Plan', billingAccount: 'Vertical Demo', sites });

describe('RegisterCustomer', () => {
  it('registers a customer with its sites and extension ranges', () => {
    given()
      .when(registerDemo())
      .then([
        {
          type: 'CustomerRegistered',
          data: {
            customerId: CUSTOMER_ID,
            name: 'Vertical Demo',
            resellerId: 'RS-Vertical',
            servicePlan: 'Standard Plan',
            billingAccount: 'Vertical Demo',
            sites: [{ name: 'Vertical Demo', extensionMin: 100, extensionMax: 299 }],
          },
        },
      ]);
  });

  it('rejects registering the same customer twice', () => {
    given(run([registerDemo()])).when(registerDemo()).thenThrows('customer-exists');
  });

  it('rejects a site whose extension min is above its max', () => {
    given().when(withSites([{ name: 'A', extensionMin: 300, extensionMax: 299 }])).thenThrows('invalid-site-range');
  });

  it('rejects two sites with the same name', () => {
    const site = { name: 'A', extensionMin: 100, extensionMax: 199 };
    given().when(withSites([site, site])).thenThrows('duplicate-site');
  });

  it('rejects a customer without sites', () => {
    given().when(withSites([])).thenThrows('no-sites');
  });

  it('rejects any other command on an unregistered customer', () => {
    given().when(on('RemoveUser', { extension: 297 })).thenThrows('customer-not-found');
  });
});
