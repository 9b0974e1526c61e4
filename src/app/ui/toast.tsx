// Short confirmations ("Saved on this phone") that outlive a screen change. Polite live region,
// not role=status: the sync panel owns that role.
import { useEffect, useState } from 'preact/hooks';

const SHOW_MS = 4_000;
let current: { text: string; id: number } | null = null;
const listeners = new Set<() => void>();

export function showToast(text: string): void {
  current = { text, id: (current?.id ?? 0) + 1 };
  for (const listener of listeners) listener();
}

export function Toast() {
  const [toast, setToast] = useState(current);
  useEffect(() => {
    const listener = () => setToast(current);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => {
      current = null;
      setToast(null);
    }, SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div class="toast-region" aria-live="polite">
      {toast && <p class="toast">{toast.text}</p>}
    </div>
  );
}
