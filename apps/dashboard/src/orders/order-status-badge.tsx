export function OrderStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-${status}`}>
      {status === 'FinalConfirmed' ? 'Final Confirmed' : status}
    </span>
  );
}
