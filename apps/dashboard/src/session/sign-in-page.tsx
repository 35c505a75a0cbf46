import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSession } from './session-context';

interface DemoToken {
  readonly role: string;
  readonly resellerId?: string;
  readonly customerId?: string;
  readonly token: string;
}

/** The demo's users, or none: the route exists only on the embedded demo (404 with a configured secret). */
async function demoTokens(): Promise<DemoToken[]> {
  const response = await fetch('/api/demo/tokens');
  if (!response.ok) return [];
  return (await response.json()) as DemoToken[];
}

export function SignInPage() {
  const { signIn } = useSession();
  const [pasted, setPasted] = useState('');
  const [refused, setRefused] = useState(false);
  const demo = useQuery({ queryKey: ['demo-tokens'], queryFn: demoTokens, retry: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefused(!signIn(pasted));
  };
  return (
    <main className="sign-in">
      <h1>License ledger</h1>
      <p>Sign in with the bearer token your administrator gave you, or open a link that carries one.</p>
      <form onSubmit={submit}>
        <label htmlFor="token">Token</label>
        <textarea
          id="token"
          rows={4}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          spellCheck={false}
        />
        {refused && (
          <p className="state error" role="alert">
            That is not a ledger token: it must be a JWT with a known role that has not expired.
          </p>
        )}
        <button type="submit" disabled={!pasted.trim()}>
          Sign in
        </button>
      </form>
      {(demo.data?.length ?? 0) > 0 && (
        <section aria-labelledby="demo-users">
          <h2 id="demo-users">Demo users</h2>
          <ul className="demo-users">
            {demo.data!.map((user) => (
              <li key={`${user.role}-${user.resellerId ?? ''}-${user.customerId ?? ''}`}>
                <button type="button" onClick={() => signIn(user.token)}>
                  {user.role}
                  {user.resellerId ? ` · ${user.resellerId}` : ''}
                  {user.customerId ? ` · ${user.customerId}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
