import type { ReactNode } from 'react';

/**
 * A polite live region: screen readers announce what appears in it (progress, results) without moving the focus.
 * It is always rendered, so that a change of its content is announced.
 */
export function LiveStatus({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={className}>
      {children}
    </div>
  );
}
