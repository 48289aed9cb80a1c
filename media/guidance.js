// The guidance page's only script. It turns clicks into messages; the extension decides what to do.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-link],[data-evidence],[data-action]') : null;
    if (!target) return;
    event.preventDefault();
    if (target.hasAttribute('data-link')) {
      vscode.postMessage({ type: 'link', index: Number(target.getAttribute('data-link')) });
    } else if (target.hasAttribute('data-evidence')) {
      vscode.postMessage({ type: 'evidence', index: Number(target.getAttribute('data-evidence')) });
    } else if (target.hasAttribute('data-action')) {
      vscode.postMessage({ type: 'mark', action: target.getAttribute('data-action') });
    }
  });
})();
