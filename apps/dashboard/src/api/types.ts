import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R
  : never;

/** The JSON body of an operation's success answer, as the API's OpenAPI document describes it. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> =
  Responses<P, M> extends { 200: infer R }
    ? Json<R>
    : Responses<P, M> extends { 201: infer R }
      ? Json<R>
      : never;

export type FleetRow = Ok<'/api/resellers/{resellerId}/customers', 'get'>['items'][number];
export type Customer = Ok<'/api/customers/{customerId}', 'get'>;
export type Inventory = Ok<'/api/customers/{customerId}/inventory', 'get'>;
export type InventoryRow = Inventory['packages'][number];
export type Timeline = Ok<'/api/customers/{customerId}/timeline', 'get'>;
export type OrderSummary = Ok<'/api/orders', 'get'>['items'][number];
export type OrderDetail = Ok<'/api/orders/{orderNo}', 'get'>;
export type UserRow = Ok<'/api/customers/{customerId}/users', 'get'>['items'][number];
export type WasteFlags = Ok<'/api/customers/{customerId}/waste', 'get'>;
export type AuditRow = Ok<'/api/audit', 'get'>['items'][number];
export type AuditEvent = Ok<'/api/audit/{position}', 'get'>;
export type AsOf = Ok<'/api/customers/{customerId}/as-of', 'get'>;
export type CustomerReconciliation = Ok<'/api/customers/{customerId}/reconciliation', 'get'>;
export type ResellerReconciliation = Ok<'/api/resellers/{resellerId}/reconciliation', 'get'>;
export type OrderStatus = OrderSummary['status'];
