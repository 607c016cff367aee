import { useDeferredValue, useEffect, useRef } from 'react';

/**
 * Menus and popovers cost about 2 ms a row to mount (Mantine's Popover with floating-ui; measured:
 * 1,000 rows drew 2.2 s faster without the row menus). A row first draws a plain button that looks
 * and reads the same, and mounts the real thing in a deferred render right after, so the table
 * answers a keystroke or a page change first and the menus follow without blocking input.
 *
 * Mounting swaps the button element, so focus is put back on the new one if the plain one had it.
 */
export function useDeferredMount() {
  const mounted = useDeferredValue(true, false);
  const hadFocus = useRef(false);
  const target = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mounted && hadFocus.current) target.current?.focus();
  }, [mounted]);

  const placeholderProps = {
    onFocus: () => {
      hadFocus.current = true;
    },
    onBlur: () => {
      hadFocus.current = false;
    },
  };
  return { mounted, target, placeholderProps };
}
