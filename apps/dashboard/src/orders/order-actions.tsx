import { orderActionsFor, type OrderAction } from '@ledger/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { unwrap } from '../api/client';
import type { OrderStatus } from '../api/types';
import { useClaims, useSession } from '../session/session-context';
import { ErrorView } from '../ui/states';

const LABELS: Record<OrderAction, string> = {
  submit: 'Submit',
  approve: 'Approve',
  reject: 'Reject',
  'final-confirm': 'Final confirm',
  cancel: 'Cancel order',
};

/**
 * The buttons the signed-in role may press on this order (the domain's ORDER_ACTIONS). A refusal
 * shows the API's problem, e.g. no-available-license, and changes nothing. One Idempotency-Key per
 * press: a retry of the same press (a lost answer) cannot record twice.
 */
export function OrderActions({ orderNo, status }: { orderNo: string; status: OrderStatus }) {
  const { api, wrote } = useSession();
  const { role } = useClaims();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const key = useRef<{ action: OrderAction; key: string } | null>(null);
  const act = useMutation({
    mutationFn: async (action: OrderAction) => {
      if (key.current?.action !== action) key.current = { action, key: crypto.randomUUID() };
      const init = { params: { path: { orderNo } }, headers: { 'Idempotency-Key': key.current.key } };
      const result = await unwrap(
        action === 'reject'
          ? api.POST('/api/orders/{orderNo}/reject', { ...init, body: { reason } })
          : api.POST(`/api/orders/{orderNo}/${action}`, init),
      );
      key.current = null;
      return result as { position?: number };
    },
    onSuccess: async (result) => {
      wrote(result.position);
      setReason('');
      await queryClient.invalidateQueries();
    },
  });
  const actions = orderActionsFor(status, role);
  if (actions.length === 0) return null;
  return (
    <div className="actions">
      {actions.includes('reject') && (
        <label>
          Reason for rejecting <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'reject' || action === 'cancel' ? 'danger' : 'primary'}
          disabled={act.isPending || (action === 'reject' && !reason.trim())}
          onClick={() => act.mutate(action)}
        >
          {LABELS[action]}
        </button>
      ))}
      {act.error && <ErrorView error={act.error} action={`${LABELS[act.variables!]} refused`} />}
    </div>
  );
}
