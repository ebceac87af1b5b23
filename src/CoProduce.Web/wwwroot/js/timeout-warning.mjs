// The GOV.UK timeout warning: a modal dialog shortly before an idle session ends. "Stay signed in"
// asks the server for nothing but a fresh session. Without this script the server still signs
// people out; the page they come back to asks them to sign in.
export function initTimeoutWarning(dialog) {
  if (!dialog || typeof dialog.showModal !== 'function') {
    return;
  }
  const timeout = Number(dialog.dataset.timeoutSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const stay = dialog.querySelector('[data-timeout-stay]');
  let warnTimer;
  let endTimer;
  let returnFocus = null;

  const signedOut = () => {
    window.location.href = '/sign-in?timedOut=true&returnUrl=' + encodeURIComponent(window.location.pathname + window.location.search);
  };

  const start = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => {
      returnFocus = document.activeElement;
      dialog.showModal();
      stay.focus();
    }, Math.max(0, timeout - warning));
    endTimer = setTimeout(signedOut, timeout);
  };

  const keepAlive = async () => {
    try {
      const response = await fetch('/session/keep-alive', { credentials: 'same-origin', redirect: 'manual' });
      if (response.status !== 204) {
        signedOut();
        return;
      }
    } catch {
      signedOut();
      return;
    }
    dialog.close();
    if (returnFocus && typeof returnFocus.focus === 'function') {
      returnFocus.focus();
    }
    start();
  };

  stay.addEventListener('click', keepAlive);
  // Escape also means "stay": the dialog is closed, and the session kept.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    keepAlive();
  });
  start();
}
