// The guidance page's only script. It turns clicks into messages (the extension decides what to do),
// patches the page in place when the extension sends new sections, and keeps the skill's id and the
// scroll position in the webview state, so that the page comes back after a reload.
(function () {
  const vscode = acquireVsCodeApi();
  const skillId = document.body.getAttribute('data-skill');
  const saved = vscode.getState();

  function saveState() {
    vscode.setState({ skillId: skillId, scrollY: window.scrollY });
  }
  if (saved && saved.skillId === skillId && typeof saved.scrollY === 'number') window.scrollTo(0, saved.scrollY);
  saveState();

  let pending = false;
  window.addEventListener('scroll', function () {
    if (pending) return;
    pending = true;
    setTimeout(function () {
      pending = false;
      saveState();
    }, 200);
  });

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

  const KEYS = ['data-action', 'data-evidence', 'data-link'];

  /** Where the focus is, in words that survive a section being replaced. */
  function focusKey() {
    const el = document.activeElement;
    const section = el && el.closest ? el.closest('[data-section]') : null;
    if (!section) return null;
    const attr = KEYS.find(function (k) {
      return el.hasAttribute(k);
    });
    return { section: section.getAttribute('data-section'), attr: attr, value: attr ? el.getAttribute(attr) : null };
  }

  function restoreFocus(key) {
    if (!key || (document.activeElement && document.activeElement !== document.body)) return;
    const section = document.querySelector('[data-section="' + window.CSS.escape(key.section) + '"]');
    if (!section) return;
    const same = key.attr ? section.querySelector('[' + key.attr + '="' + window.CSS.escape(key.value) + '"]') : null;
    const next = same || section.querySelector('button, a[href]');
    if (next) next.focus();
  }

  /** Puts the sections in `order`, replacing the content of those in `changed`, keeping the others as they are. */
  function patch(message) {
    const main = document.querySelector('main');
    const scrollY = window.scrollY;
    const key = focusKey();
    const existing = new Map();
    main.querySelectorAll(':scope > [data-section]').forEach(function (el) {
      existing.set(el.getAttribute('data-section'), el);
    });
    const changed = new Map(
      message.changed.map(function (s) {
        return [s.id, s.html];
      }),
    );
    let before = main.firstElementChild;
    for (const id of message.order) {
      let el = existing.get(id);
      existing.delete(id);
      if (!el) {
        el = document.createElement('div');
        el.className = 'section';
        el.setAttribute('data-section', id);
      }
      if (changed.has(id)) el.innerHTML = changed.get(id);
      if (el !== before) main.insertBefore(el, before);
      before = el.nextElementSibling;
    }
    existing.forEach(function (el) {
      el.remove();
    });
    document.title = message.title;
    restoreFocus(key);
    window.scrollTo(0, scrollY);
    report(message.version);
  }

  /** Tells the extension which update the page shows now (0: as loaded), and its status in words. */
  function report(version) {
    const status = document.querySelector('.status');
    vscode.postMessage({ type: 'patched', version: version, status: status ? status.textContent : '' });
  }
  report(0);

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (message && message.type === 'update' && Array.isArray(message.order) && Array.isArray(message.changed)) patch(message);
  });
})();
