import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, INVOICE_HEADER, uploadInvoice, xlsxOf } from '../../testing/invoice-upload.js';
import {
  type Actors,
  actors,
  confirmedOrder,
  item,
  onboard,
  seedVerticalDemo,
  VERTICAL_DEMO,
} from '../../testing/seed-fixtures.js';
import { SimulatedClock } from '../../demo/simulated-clock.js';
import { type Caller, startTestApp, type TestApp } from '../../testing/test-app.js';

const C = VERTICAL_DEMO.customerId;
const ACME = 'C000000151';
const EAST = 'C000000200';
const OTHER = 'C000000900';
const BASIC = 'Basic User With VM';
const PREMIUM = 'Premium iPECS ONE USER';

/**
 * The seed's upgrade story on fixed dates (Basic 20, Premium 30 a month):
 * - 20 Sep: +1 Basic, change date 1 Oct (effective and billed from 1 Oct); user 297 on it.
 * - 15 Oct: +1 Premium with a 10-day trial, change date 20 Oct: effective 20 Oct, billed from 30 Oct.
 * - 21 Oct: 297 changes to Premium; the Basic license is free.
 * - 2 Nov: -1 Basic, change date 15 Nov (mid-month): billed up to 14 Nov, 15 Nov not billed.
 * By hand:
 * - October (31 days): Basic 31 license-days x 20 / 31 = 20.00; Premium 2 (30 and 31 Oct) x 30 / 31 = 1.935... = 1.94.
 * - November (30 days): Basic 14 (1-14 Nov) x 20 / 30 = 9.333... = 9.33; Premium 30 x 30 / 30 = 30.00.
 * - December (31 days): Premium 31 x 30 / 31 = 30.00.
 */
describe('billing reconciliation of the seed upgrade story', () => {
  // The story runs on fixed dates: each step sets the clock the command is accepted at.
  const clock = new SimulatedClock('2023-09-20T10:00:00Z');
  let app: TestApp;
  let who: Actors;
  let analyst: Caller;
  const on = (time: string) => clock.set(time);
  const reconciliation = async (month: string, caller: Caller = analyst) =>
    caller.get(`/api/customers/${C}/reconciliation?month=${month}&minPosition=${await app.headPosition()}`);
  const line = async (month: string, pkg: string) =>
    (await reconciliation(month)).body.lines.find((l: { package: string }) => l.package === pkg);
  const imported = async (fileName: string, content: string | Buffer) => {
    const response = await uploadInvoice(analyst, fileName, content);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { position: number };
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    on('2023-09-20T10:00:00Z');
    who = await seedVerticalDemo(app);
    analyst = await app.as('billing-analyst');
    on('2023-10-15T09:00:00Z');
    await confirmedOrder(who, C, [item(PREMIUM, 1, 10)], '2023-10-20');
    on('2023-10-21T09:00:00Z');
    expect(
      (await who.manager.post(`/api/customers/${C}/users/297/package`, { package: PREMIUM })).status,
    ).toBe(200);
    on('2023-11-02T09:00:00Z');
    await confirmedOrder(who, C, [item(BASIC, -1)], '2023-11-15');
    on('2023-12-05T09:00:00Z');
  });
  afterAll(() => app?.close());

  it('expects, by hand, October: Basic 20.00 (31 days), Premium 1.94 (2 days after a 10-day trial); nothing invoiced is not-billed', async () => {
    const { status, body } = await reconciliation('2023-10');
    expect(status).toBe(200);
    expect(body).toEqual({
      customerId: C,
      month: '2023-10',
      lines: [
        {
          package: BASIC,
          expected: { licenseDays: 31, amount: 20 },
          invoiced: { quantity: 0, amount: 0 },
          difference: -20,
          reasons: ['not-billed'],
        },
        {
          package: PREMIUM,
          expected: { licenseDays: 2, amount: 1.94 },
          invoiced: { quantity: 0, amount: 0 },
          difference: -1.94,
          reasons: ['not-billed'],
        },
      ],
      totals: { expected: 21.94, invoiced: 0, difference: -21.94 },
    });
  });

  it('expects, by hand, November: Basic 9.33 up to its return on the 15th (not billed), Premium 30.00; December: Premium only', async () => {
    expect(
      (await reconciliation('2023-11')).body.lines.map((l: { package: string; expected: unknown }) => [
        l.package,
        l.expected,
      ]),
    ).toEqual([
      [BASIC, { licenseDays: 14, amount: 9.33 }],
      [PREMIUM, { licenseDays: 30, amount: 30 }],
    ]);
    expect(
      (await reconciliation('2023-12')).body.lines.map((l: { package: string; expected: unknown }) => [
        l.package,
        l.expected,
      ]),
    ).toEqual([[PREMIUM, { licenseDays: 31, amount: 30 }]]);
    expect((await reconciliation('2023-09')).body).toEqual({
      customerId: C,
      month: '2023-09',
      lines: [],
      totals: { expected: 0, invoiced: 0, difference: 0 },
    });
  });

  describe('against an imported invoice, each reason found', () => {
    beforeAll(async () => {
      // October: Basic at the wrong price, Premium missing; November: Basic billed in full after its
      // return on the 15th; December: two Premium where one was billable.
      const { position } = await imported(
        'carrier-q4.csv',
        csvOf([
          INVOICE_HEADER,
          [C, BASIC, 1, '2023-10', '25.00'],
          [C, BASIC, 1, '2023-11', '20.00'],
          [C, PREMIUM, 1, '2023-11', '30.00'],
          [C, PREMIUM, 2, '2023-12', '60.00'],
        ]),
      );
      expect(
        (await analyst.get(`/api/customers/${C}/reconciliation?month=2023-10&minPosition=${position}`))
          .status,
      ).toBe(200);
    });

    it('price-mismatch: the quantities agree, the amounts do not', async () => {
      expect(await line('2023-10', BASIC)).toEqual({
        package: BASIC,
        expected: { licenseDays: 31, amount: 20 },
        invoiced: { quantity: 1, amount: 25 },
        difference: 5,
        reasons: ['price-mismatch'],
      });
    });

    it('not-billed: a charge expected and no invoice line for it', async () => {
      expect((await line('2023-10', PREMIUM))?.reasons).toEqual(['not-billed']);
      expect((await reconciliation('2023-10')).body.totals).toEqual({
        expected: 21.94,
        invoiced: 25,
        difference: 3.06,
      });
    });

    it('billed-after-return: billed for a license returned mid-month, and no reason where the invoice matches', async () => {
      expect(await line('2023-11', BASIC)).toEqual({
        package: BASIC,
        expected: { licenseDays: 14, amount: 9.33 },
        invoiced: { quantity: 1, amount: 20 },
        difference: 10.67,
        reasons: ['billed-after-return'],
      });
      expect(await line('2023-11', PREMIUM)).toEqual({
        package: PREMIUM,
        expected: { licenseDays: 30, amount: 30 },
        invoiced: { quantity: 1, amount: 30 },
        difference: 0,
        reasons: [],
      });
    });

    it('quantity-mismatch: more licenses invoiced than were billable on any day', async () => {
      expect(await line('2023-12', PREMIUM)).toEqual({
        package: PREMIUM,
        expected: { licenseDays: 31, amount: 30 },
        invoiced: { quantity: 2, amount: 60 },
        difference: 30,
        reasons: ['quantity-mismatch'],
      });
    });

    it("a later import for a customer-month replaces all that month's earlier lines, and no other month's", async () => {
      const corrected = await xlsxOf([INVOICE_HEADER, [C, PREMIUM, 1, '2023-10', 1.94]]);
      const { position } = await imported('carrier-october-corrected.xlsx', corrected);
      const october = (
        await analyst.get(`/api/customers/${C}/reconciliation?month=2023-10&minPosition=${position}`)
      ).body;
      expect(october.lines).toEqual([
        // The Basic line of the first import is gone with it: the correction does not list it.
        {
          package: BASIC,
          expected: { licenseDays: 31, amount: 20 },
          invoiced: { quantity: 0, amount: 0 },
          difference: -20,
          reasons: ['not-billed'],
        },
        {
          package: PREMIUM,
          expected: { licenseDays: 2, amount: 1.94 },
          invoiced: { quantity: 1, amount: 1.94 },
          difference: 0,
          reasons: [],
        },
      ]);
      expect((await line('2023-11', BASIC))?.invoiced).toEqual({ quantity: 1, amount: 20 });
    });
  });

  describe('across the reseller', () => {
    beforeAll(async () => {
      on('2023-09-20T10:00:00Z');
      expect(
        (await who.admin.post('/api/customers', { ...VERTICAL_DEMO, customerId: ACME, name: 'Acme Dental' }))
          .status,
      ).toBe(201);
      await confirmedOrder(who, ACME, [item(PREMIUM, 2)], '2023-10-01');
      expect(
        (await who.admin.post('/api/resellers', { resellerId: 'RS-Vertical-East', name: 'Vertical East' }))
          .status,
      ).toBe(201);
      expect(
        (
          await who.admin.post('/api/customers', {
            ...VERTICAL_DEMO,
            customerId: EAST,
            name: 'East Logistics',
            resellerId: 'RS-Vertical-East',
          })
        ).status,
      ).toBe(201);
      on('2023-12-05T09:00:00Z');
    });

    it('lists every customer of the tree, child resellers included, with the most money at stake first', async () => {
      const { status, body } = await analyst.get(
        `/api/resellers/RS-Vertical/reconciliation?month=2023-11&minPosition=${await app.headPosition()}`,
      );
      expect(status).toBe(200);
      expect(body).toEqual({
        resellerId: 'RS-Vertical',
        month: '2023-11',
        items: [
          {
            customerId: ACME,
            name: 'Acme Dental',
            resellerId: 'RS-Vertical',
            totals: { expected: 60, invoiced: 0, difference: -60 },
            atStake: 60,
            reasons: ['not-billed'],
          },
          {
            customerId: C,
            name: 'Vertical Demo',
            resellerId: 'RS-Vertical',
            totals: { expected: 39.33, invoiced: 50, difference: 10.67 },
            atStake: 10.67,
            reasons: ['billed-after-return'],
          },
          {
            customerId: EAST,
            name: 'East Logistics',
            resellerId: 'RS-Vertical-East',
            totals: { expected: 0, invoiced: 0, difference: 0 },
            atStake: 0,
            reasons: [],
          },
        ],
        nextCursor: null,
      });
    });

    it('counts money at stake per package, so an over-charge does not hide an under-charge', async () => {
      const { position } = await imported(
        'acme-october.csv',
        csvOf([INVOICE_HEADER, [ACME, PREMIUM, 2, '2023-10', '60.00'], [ACME, BASIC, 1, '2023-10', '20.00']]),
      );
      const items = (
        await analyst.get(`/api/resellers/RS-Vertical/reconciliation?month=2023-10&minPosition=${position}`)
      ).body.items;
      expect(items.find((i: { customerId: string }) => i.customerId === ACME)).toMatchObject({
        totals: { expected: 60, invoiced: 80, difference: 20 },
        atStake: 20,
      });
      expect(items.find((i: { customerId: string }) => i.customerId === C)).toMatchObject({
        totals: { difference: -20 },
        atStake: 20,
      });
    });

    it('pages by cursor in the same order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { customerId: string }[]; nextCursor: string | null } } =
          await analyst.get(
            `/api/resellers/RS-Vertical/reconciliation?month=2023-11&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          );
        expect(page.body.items).toHaveLength(1);
        seen.push(...page.body.items.map((i) => i.customerId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ACME, C, EAST]);
    });

    it('a child reseller sees its own tree only, and a customer manager only its customer', async () => {
      const east = await app.as('billing-analyst', 'RS-Vertical-East');
      expect(
        (await east.get('/api/resellers/RS-Vertical-East/reconciliation?month=2023-11')).body.items.map(
          (i: { customerId: string }) => i.customerId,
        ),
      ).toEqual([EAST]);
      expect((await east.get('/api/resellers/RS-Vertical/reconciliation?month=2023-11')).status).toBe(404);
      expect((await east.get(`/api/customers/${C}/reconciliation?month=2023-11`)).status).toBe(404);
      expect(
        (await who.manager.get('/api/resellers/RS-Vertical/reconciliation?month=2023-11')).body.items.map(
          (i: { customerId: string }) => i.customerId,
        ),
      ).toEqual([C]);
      expect((await reconciliation('2023-11', who.manager)).status).toBe(200);
    });
  });

  describe("scope: another reseller's analyst and admin", () => {
    let outsider: Caller;
    let outsiderAdmin: Caller;
    beforeAll(async () => {
      await onboard(app, 'RS-Other', { catalog: false });
      const other = await actors(app, 'RS-Other', OTHER);
      outsiderAdmin = other.admin;
      expect(
        (
          await other.admin.post('/api/customers', {
            ...VERTICAL_DEMO,
            customerId: OTHER,
            resellerId: 'RS-Other',
          })
        ).status,
      ).toBe(201);
      outsider = await app.as('billing-analyst', 'RS-Other');
    });

    it("cannot reconcile A's customer or reseller: 404 exactly as a missing one", async () => {
      const [foreign, missing] = [
        await reconciliation('2023-11', outsider),
        await outsider.get('/api/customers/C000000999/reconciliation?month=2023-11'),
      ];
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, detail: foreign.body.detail.replace(C, 'C000000999') }).toEqual(missing.body);
      const [tree, noTree] = [
        await outsider.get('/api/resellers/RS-Vertical/reconciliation?month=2023-11'),
        await outsider.get('/api/resellers/RS-Nowhere/reconciliation?month=2023-11'),
      ];
      expect(tree.status).toBe(404);
      expect({ ...tree.body, detail: tree.body.detail.replace('RS-Vertical', 'RS-Nowhere') }).toEqual(
        noTree.body,
      );
    });

    it("cannot import invoice lines for A's customer, not even beside its own: nothing is recorded", async () => {
      for (const caller of [outsider, outsiderAdmin]) {
        const head = await app.headPosition();
        const response = await uploadInvoice(
          caller,
          'mixed.csv',
          csvOf([INVOICE_HEADER, [OTHER, BASIC, 1, '2023-11', 20], [C, BASIC, 5, '2023-11', 100]]),
        );
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([
          {
            line: 3,
            column: 'customerId',
            rule: 'unknown-customer',
            message: `customer ${C} does not exist`,
          },
        ]);
        expect(await app.headPosition()).toBe(head);
      }
      expect((await line('2023-11', BASIC))?.invoiced).toEqual({ quantity: 1, amount: 20 });
    });
  });

  it('refuses a missing or malformed month with a 400 naming it', async () => {
    for (const month of ['', '2023-13', '2023-1', '2023-11-01']) {
      const { status, body } = await analyst.get(
        `/api/customers/${C}/reconciliation${month ? `?month=${month}` : ''}`,
      );
      expect(status, month).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'month' })]);
    }
  });
});
