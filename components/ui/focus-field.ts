/**
 * Moves the focus to a form's control by its name, e.g. the first field a check refused,
 * so a screen reader reads its error. By name, not by aria-invalid: the error is state
 * that React has not drawn yet when the submit handler runs.
 */
export function focusField(form: HTMLFormElement, name: string | undefined) {
  if (!name) return;
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLElement) control.focus();
}
