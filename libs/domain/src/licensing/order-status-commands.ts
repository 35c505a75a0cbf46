import type { Command } from '../shared/decider.js';

type OrderRef = { readonly customerId: string; readonly orderNo: string };

/** Commands that only move an order along its life cycle (see order-lifecycle.ts for the table). */
export type SubmitOrder = Command<'SubmitOrder', OrderRef>;
export type ApproveOrder = Command<'ApproveOrder', OrderRef>;
export type RejectOrder = Command<'RejectOrder', OrderRef & { readonly reason: string }>;
export type CancelOrder = Command<'CancelOrder', OrderRef>;
