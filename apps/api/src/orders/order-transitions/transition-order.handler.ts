import { CustomerAccount, OrderCommand } from '@ledger/domain';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal.js';
import { problem, ProblemError } from '../../http/problem.js';
import { OrderLocator } from '../../scope/order-locator.js';
import { CustomerCommands } from '../../shared/customer-commands.js';
import { DecisionLoop } from '../../shared/decision-loop.js';
import type { RequestContext } from '../../shared/request-context.js';
import { orderView } from '../order.view.js';

export type Transition = 'SubmitOrder' | 'ApproveOrder' | 'RejectOrder' | 'CancelOrder' | 'FinalConfirmOrder';

export class TransitionOrderCommand extends Command<ReturnType<typeof orderView>> {
  constructor(
    readonly orderNo: string,
    readonly transition: Transition,
    readonly context: RequestContext,
    readonly reason = '',
  ) {
    super();
  }
}

/**
 * The approver rejects a Submitted order; the reseller admin rejects an Approved one instead of
 * final confirming it. Other statuses fall through to the domain, which names the bad transition.
 */
const assertMayReject = (principal: Principal, account: CustomerAccount, orderNo: string): void => {
  const status = account.status === 'registered' ? account.orders.get(orderNo)?.status : undefined;
  const refused =
    (principal.role === 'approver' && status === 'Approved') || (principal.role === 'reseller-admin' && status === 'Submitted');
  if (refused) {
    const who = status === 'Approved' ? 'the reseller admin (instead of final confirm)' : 'the approver';
    throw new ProblemError(problem(403, 'forbidden', `a ${status} order is rejected by ${who}`));
  }
};

@CommandHandler(TransitionOrderCommand)
export class TransitionOrderHandler implements ICommandHandler<TransitionOrderCommand> {
  constructor(
    private readonly loop: DecisionLoop,
    private readonly customers: CustomerCommands,
    private readonly orders: OrderLocator,
  ) {}

  async execute({ orderNo, transition, context, reason }: TransitionOrderCommand) {
    const customerId = await this.orders.customerOf(orderNo);
    const metadata = this.loop.metadata(context);
    const base = { customerId, orderNo };
    const command: OrderCommand =
      transition === 'RejectOrder'
        ? { type: transition, data: { ...base, reason }, metadata }
        : { type: transition, data: base, metadata };
    if (transition === 'RejectOrder') {
      const { state } = await this.customers.load(context.principal, customerId);
      assertMayReject(context.principal, state, orderNo);
    }
    const decided = await this.customers.execute(context.principal, command);
    const order = decided.state.status === 'registered' ? decided.state.orders.get(orderNo) : undefined;
    if (!order) throw new Error(`order ${orderNo} missing from ${customerId}`);
    return orderView(customerId, order, decided.position);
  }
}
