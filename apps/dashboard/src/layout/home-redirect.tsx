import { Navigate } from 'react-router';
import { useClaims } from '../session/session-context';

/** `/` opens where the role starts: the fleet, a customer manager's own customer, the operator's status page. */
export function HomeRedirect() {
  const claims = useClaims();
  if (claims.role === 'operator') return <Navigate to="/operator" replace />;
  if (claims.role === 'customer-manager' && claims.customerId)
    return <Navigate to={`/customers/${claims.customerId}`} replace />;
  return <Navigate to="/fleet" replace />;
}
