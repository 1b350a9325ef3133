import { useEffect, useRef } from 'react';

/**
 * Sends a single-use link token to the server once, when the page opens. The ref keeps React
 * StrictMode's second effect run (and re-renders) from spending the token twice.
 */
export function useRedeemOnce(token: string, redeem: (input: { token: string }) => void): void {
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    redeem({ token });
  }, [token, redeem]);
}
