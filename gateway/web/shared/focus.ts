// The keyboard's focus after an action: its button is disabled while it runs, which drops the focus to
// the page's body, so a keyboard or screen reader user would start again from the top. The outcome
// takes it instead, as it appears (each outcome is its own element: key it by what it names).

/** A ref callback: focuses the element it is set on once it is shown (give it tabIndex={-1}). */
export const focusWhenShown = (element: HTMLElement | null): void => element?.focus();
