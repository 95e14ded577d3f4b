// The settings page: say for certain whether this page is a secure context
// (the server can only guess from the address).
const p = document.getElementById('secure');
if (p && String(window.isSecureContext) !== p.dataset.secure) {
  p.className = window.isSecureContext ? 'ok' : 'notok';
  p.textContent = window.isSecureContext
    ? 'A secure context: the screen stays on by wake lock, and Knead plays offline and installs as an app.'
    : 'Not a secure context: the player keeps the screen on another way, but Knead cannot play offline or install as an app here. Start it with knead serve --tls and trust its authority (knead cert says how).';
}
