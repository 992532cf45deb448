import { nextTick, watch, type Ref, type WatchSource } from 'vue';

// Busy states and the keyboard (issue 13). A button disabled while its command runs loses the focus
// (HTML's focus fixup moves it to the page), and a keyboard or screen-reader user would start again
// from the top of the popup. Beside the components that use it: a composable, not a component.

const focusLost = () => !document.activeElement || document.activeElement === document.body;

/**
 * While `busy` is on, remembers the control inside `root` that had the focus; once it is off, gives
 * the focus back to it if the focus fell to the page meanwhile, or to `fallback()` when that control
 * is gone or still disabled (the button of a state that ended). Focus moved on purpose (to an error's
 * field, say) is left where it is.
 */
export function useFocusReturn(busy: WatchSource<boolean>, root: Ref<HTMLElement | undefined>, fallback?: () => HTMLElement | undefined): void {
  let had: HTMLElement | undefined;
  // Noted at once, before anything renders the control disabled (and the browser moves the focus).
  watch(
    busy,
    (on) => {
      const active = document.activeElement;
      if (on && active instanceof HTMLElement && root.value?.contains(active)) had = active;
    },
    { flush: 'sync' },
  );
  // Given back after the render that enables the controls again.
  watch(busy, async (on) => {
    if (on || !had) return;
    const target = had;
    had = undefined;
    await nextTick();
    if (!focusLost()) return;
    const usable = target.isConnected && !(target as HTMLButtonElement).disabled ? target : fallback?.();
    usable?.focus();
  });
}
