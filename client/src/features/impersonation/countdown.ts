// The impersonation banner's clock: time left until a deadline, as mm:ss, ticking every second.
import { useEffect, useRef, useState } from 'react';

/** Milliseconds left as mm:ss, rounded up so 00:00 appears only once the time is over. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Milliseconds until `deadline`, updated every second; calls `onExpire` once when it reaches 0. */
export function useCountdown(
  deadline: string | Date,
  onExpire?: () => void,
  now: () => number = Date.now,
): number {
  const end = new Date(deadline).getTime();
  const [left, setLeft] = useState(() => end - now());
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    let fired = false;
    const tick = () => {
      const ms = end - now();
      setLeft(ms);
      if (ms <= 0 && !fired) {
        fired = true;
        clearInterval(timer);
        expire.current?.();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [end, now]);

  return left;
}
