import { useEffect, useRef, type RefObject } from 'react';

/**
 * A button that shows a spinner is disabled while busy, and Chromium drops focus from a disabled
 * element to the page body: the next Tab then starts from the top of the page. Once the work is
 * over, focus goes back to the button unless the admin has since moved it elsewhere.
 */
export function useKeepFocus<T extends HTMLElement>(busy: boolean): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    if (busy) {
      hadFocus.current = ref.current !== null && (document.activeElement === ref.current || focusLost());
      return;
    }
    if (hadFocus.current && focusLost()) ref.current?.focus();
    hadFocus.current = false;
  }, [busy]);
  return ref;
}

/** True when nothing in particular has focus (the body, or an element no longer in the page). */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}
