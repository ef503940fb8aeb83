/*
 * FrontDesk Agent chat widget. Embed with one tag on any page:
 *   <script src="https://YOUR-FRONTDESK-HOST/widget.js" defer></script>
 * Plain JavaScript, no build step. Talks to the host the script was loaded from.
 * Optional attributes on the script tag: data-open="true" opens the chat on load; data-lang="es" shows the widget in
 * Spanish (default: the page's own <html lang>; English for any language the widget has no labels for).
 */
(function () {
  'use strict';
  if (window.FrontDeskWidget) { return; }

  var script = document.currentScript;
  var base = new URL(script && script.src ? script.src : '/widget.js', window.location.href).origin;
  var STORE_KEY = 'frontdesk.sessionId';

  // The widget's own words per language. The spa's name and AI disclosure come from the host (/api/chat/config?lang=).
  var LABELS = {
    en: {
      launcher: 'Chat with us', title: 'Chat', close: 'Close chat', log: 'Conversation', input: 'Your message',
      placeholder: 'Type your message\u2026', send: 'Send', human: 'Talk to a person', humanRequest: 'Can I talk to a person?',
      disclosure: 'You are chatting with an AI assistant. A person on the team can step in any time.',
      typing: 'The assistant is typing', error: 'Something went wrong.', unreachable: 'The chat is not reachable right now. Please try again.',
      who: { client: 'You', agent: 'Assistant', staff: 'Team member', system: 'Notice' }
    },
    es: {
      launcher: 'Escr\u00edbanos', title: 'Chat', close: 'Cerrar el chat', log: 'Conversaci\u00f3n', input: 'Su mensaje',
      placeholder: 'Escriba su mensaje\u2026', send: 'Enviar', human: 'Hablar con una persona', humanRequest: '\u00bfPuedo hablar con una persona?',
      disclosure: 'Est\u00e1 hablando con un asistente de inteligencia artificial. Una persona del equipo puede atenderle cuando quiera.',
      typing: 'El asistente est\u00e1 escribiendo', error: 'Algo sali\u00f3 mal.', unreachable: 'El chat no est\u00e1 disponible en este momento. Int\u00e9ntelo de nuevo.',
      who: { client: 'Usted', agent: 'Asistente', staff: 'Equipo', system: 'Aviso' }
    }
  };

  // data-lang on the script tag, else the page's lang ("es-MX" is Spanish); a language without labels gets English.
  function pageLanguage() {
    var wanted = (script && script.getAttribute('data-lang')) || document.documentElement.getAttribute('lang') || '';
    var primary = wanted.trim().toLowerCase().split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(LABELS, primary) ? primary : 'en';
  }
  var LANG = pageLanguage();
  var T = LABELS[LANG];

  var state = { sessionId: load(), lastSeq: 0, busy: false, open: false, pollSeconds: 4, timer: null };

  function load() { try { return window.localStorage.getItem(STORE_KEY); } catch (e) { return null; } }
  function save(id) { state.sessionId = id; try { if (id) { window.localStorage.setItem(STORE_KEY, id); } else { window.localStorage.removeItem(STORE_KEY); } } catch (e) { /* private mode */ } }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  var css = el('link', { rel: 'stylesheet', href: base + '/widget.css' });
  document.head.appendChild(css);

  var root = el('div', { 'class': 'fd-widget', lang: LANG });
  var launcher = el('button', { type: 'button', 'class': 'fd-launcher', 'aria-expanded': 'false', 'aria-controls': 'fd-panel' }, T.launcher);
  var panel = el('section', { id: 'fd-panel', 'class': 'fd-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'fd-title', hidden: '' });
  var header = el('div', { 'class': 'fd-header' });
  var title = el('h2', { id: 'fd-title', 'class': 'fd-title' }, T.title);
  var close = el('button', { type: 'button', 'class': 'fd-close', 'aria-label': T.close }, '\u00d7');
  header.appendChild(title); header.appendChild(close);
  var disclosure = el('p', { 'class': 'fd-disclosure', id: 'fd-disclosure' }, T.disclosure);
  var log = el('div', { 'class': 'fd-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': T.log, tabindex: '0' });
  var typing = el('div', { 'class': 'fd-typing', hidden: '', 'aria-hidden': 'true' });
  typing.appendChild(el('span')); typing.appendChild(el('span')); typing.appendChild(el('span'));
  var status = el('p', { 'class': 'fd-sr', role: 'status' });
  var form = el('form', { 'class': 'fd-form' });
  var label = el('label', { 'for': 'fd-input', 'class': 'fd-sr' }, T.input);
  var input = el('textarea', { id: 'fd-input', 'class': 'fd-input', rows: '1', maxlength: '2000', placeholder: T.placeholder, 'aria-describedby': 'fd-disclosure', autocomplete: 'off' });
  var send = el('button', { type: 'submit', 'class': 'fd-send' }, T.send);
  form.appendChild(label); form.appendChild(input); form.appendChild(send);
  var human = el('button', { type: 'button', 'class': 'fd-human' }, T.human);
  panel.appendChild(header); panel.appendChild(disclosure); panel.appendChild(log); panel.appendChild(typing);
  panel.appendChild(status); panel.appendChild(form); panel.appendChild(human);
  root.appendChild(launcher); root.appendChild(panel);

  function mount() { document.body.appendChild(root); }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }

  fetch(base + '/api/chat/config?lang=' + encodeURIComponent(LANG)).then(function (r) { return r.ok ? r.json() : null; }).then(function (c) {
    if (!c) { return; }
    title.textContent = c.spa;
    // The spa's own disclosure when it has one in the page's language; else the widget's wording stands.
    if (!c.language || c.language === LANG) { disclosure.textContent = c.disclosure; }
    state.pollSeconds = c.pollSeconds || 4;
  }).catch(function () { /* the defaults stand */ });

  var WHO = T.who;

  function bubble(role, text, extra) {
    var item = el('div', { 'class': 'fd-msg fd-' + role + (extra ? ' ' + extra : '') });
    // Who is speaking is said once: hidden for the visitor and the assistant (the bubble's side shows it), visible
    // for a team member.
    item.appendChild(role === 'staff' ? el('span', { 'class': 'fd-who' }, WHO[role]) : el('span', { 'class': 'fd-sr' }, WHO[role] + ': '));
    var body = el('span', { 'class': 'fd-text' }, text);
    item.appendChild(body);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function setTyping(on) {
    typing.hidden = !on;
    status.textContent = on ? T.typing : '';
  }

  function render(turns) {
    var pending = log.querySelectorAll('.fd-pending');
    var fresh = turns.filter(function (t) { return t.seq > state.lastSeq; });
    if (fresh.length === 0) { return; }
    Array.prototype.forEach.call(pending, function (p) { p.remove(); });
    fresh.forEach(function (t) { bubble(WHO[t.role] ? t.role : 'system', t.text).setAttribute('data-seq', String(t.seq)); state.lastSeq = t.seq; });
  }

  function startOver() {
    state.lastSeq = 0;
    Array.prototype.forEach.call(log.querySelectorAll('[data-seq]'), function (n) { n.remove(); });
  }

  function refresh() {
    if (!state.sessionId || state.busy) { return Promise.resolve(); }
    return fetch(base + '/api/chat/history?sessionId=' + encodeURIComponent(state.sessionId)).then(function (r) {
      if (r.status === 404) { save(null); startOver(); return null; }
      return r.ok ? r.json() : null;
    }).then(function (h) { if (h && !state.busy) { render(h.turns); } }).catch(function () { /* offline: try again later */ });
  }

  function poll() {
    window.clearTimeout(state.timer);
    if (!state.open) { return; }
    state.timer = window.setTimeout(function () { refresh().then(poll); }, state.pollSeconds * 1000);
  }

  function problemText(r) {
    return r.json().then(function (p) { return p.detail || p.title || T.error; }, function () { return T.error + ' (' + r.status + ')'; });
  }

  function showError(text) {
    var e = bubble('agent', text, 'fd-error fd-pending');
    e.setAttribute('role', 'alert');
  }

  // A message lost on the way (no connection, no answer within ATTEMPT_MS, a stream cut before its end) is sent again
  // after these waits with the same request id, so the host answers a turn that committed from its record instead of
  // running it twice.
  var RETRY_WAITS = [1000, 3000];
  var ATTEMPT_MS = 45000;

  function newRequestId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function wait(ms) { return new Promise(function (resolve) { window.setTimeout(resolve, ms); }); }

  function sendText(text) {
    text = (text || '').trim();
    if (!text || state.busy) { return; }
    state.busy = true;
    send.disabled = true; human.disabled = true;
    bubble('client', text, 'fd-pending');
    setTyping(true);
    var requestId = newRequestId();
    var reply = null;

    function attempt(n) {
      var sentences = '';
      var finished = false;
      var controller = new AbortController();
      var timer = window.setTimeout(function () { controller.abort(); }, ATTEMPT_MS);
      function handle(name, data) {
        if (name === 'session') {
          // A new id means the old session expired or was unknown: a new conversation starts from turn 1.
          if (data.sessionId !== state.sessionId) { startOver(); }
          save(data.sessionId);
        }
        else if (name === 'sentence') {
          sentences += (sentences ? ' ' : '') + data.text;
          if (!reply) { setTyping(false); reply = bubble('agent', '', 'fd-pending'); }
          reply.querySelector('.fd-text').textContent = sentences;
        } else if (name === 'done') {
          finished = true;
          save(data.sessionId);
          setTyping(false);
          if (!reply) { reply = bubble('agent', '', 'fd-pending'); }
          reply.querySelector('.fd-text').textContent = data.reply;
        } else if (name === 'error') { finished = true; showError(data.detail || data.title); }
      }
      return fetch(base + '/api/chat/stream', {
        method: 'POST',
        signal: controller.signal,
        headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
        // language: the page's, so a first message too short to tell ("ok") is answered in it.
        body: JSON.stringify({ sessionId: state.sessionId, text: text, requestId: requestId, language: LANG })
      }).then(function (r) {
        if (!r.ok) { finished = true; return problemText(r).then(showError); }
        var reader = r.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var cut;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              var block = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
              var name = 'message'; var data = '';
              block.split('\n').forEach(function (line) {
                if (line.indexOf('event: ') === 0) { name = line.slice(7); }
                else if (line.indexOf('data: ') === 0) { data += line.slice(6); }
              });
              if (data) { handle(name, JSON.parse(data)); }
            }
            return pump();
          });
        }
        return pump();
      }).then(function () {
        if (!finished) { throw new Error('The answer stopped before its end.'); }
      }).then(function () { window.clearTimeout(timer); }, function () {
        window.clearTimeout(timer);
        if (n < RETRY_WAITS.length) { return wait(RETRY_WAITS[n]).then(function () { return attempt(n + 1); }); }
        showError(T.unreachable);
      });
    }

    attempt(0).then(function () {
      state.busy = false;
      setTyping(false);
      send.disabled = false; human.disabled = false;
      return refresh();
    }).then(function () { input.focus(); });
  }

  function openPanel() {
    state.open = true;
    panel.hidden = false;
    root.classList.add('fd-open');
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
    refresh().then(poll);
  }

  function closePanel() {
    state.open = false;
    panel.hidden = true;
    root.classList.remove('fd-open');
    launcher.setAttribute('aria-expanded', 'false');
    window.clearTimeout(state.timer);
    launcher.focus();
  }

  launcher.addEventListener('click', function () { if (state.open) { closePanel(); } else { openPanel(); } });
  close.addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closePanel(); } });
  form.addEventListener('submit', function (e) { e.preventDefault(); var t = input.value; input.value = ''; sendText(t); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit')); }
  });
  human.addEventListener('click', function () { sendText(T.humanRequest); });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.closest && t.closest('[data-frontdesk-open]')) { e.preventDefault(); openPanel(); }
  });

  window.FrontDeskWidget = { open: openPanel, close: closePanel, send: sendText };
  if (script && script.getAttribute('data-open') === 'true') { openPanel(); }
  else if (state.sessionId) { refresh(); }
})();
