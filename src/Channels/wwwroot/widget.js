/*
 * FrontDesk Agent chat widget. Embed with one tag on any page:
 *   <script src="https://YOUR-FRONTDESK-HOST/widget.js" defer></script>
 * Plain JavaScript, no build step. Talks to the host the script was loaded from.
 * Optional attributes on the script tag: data-open="true" opens the chat on load.
 */
(function () {
  'use strict';
  if (window.FrontDeskWidget) { return; }

  var script = document.currentScript;
  var base = new URL(script && script.src ? script.src : '/widget.js', window.location.href).origin;
  var STORE_KEY = 'frontdesk.sessionId';
  var HUMAN_REQUEST = 'Can I talk to a person?';

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

  var root = el('div', { 'class': 'fd-widget' });
  var launcher = el('button', { type: 'button', 'class': 'fd-launcher', 'aria-expanded': 'false', 'aria-controls': 'fd-panel' }, 'Chat with us');
  var panel = el('section', { id: 'fd-panel', 'class': 'fd-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'fd-title', hidden: '' });
  var header = el('div', { 'class': 'fd-header' });
  var title = el('h2', { id: 'fd-title', 'class': 'fd-title' }, 'Chat');
  var close = el('button', { type: 'button', 'class': 'fd-close', 'aria-label': 'Close chat' }, '\u00d7');
  header.appendChild(title); header.appendChild(close);
  var disclosure = el('p', { 'class': 'fd-disclosure', id: 'fd-disclosure' }, 'You are chatting with an AI assistant. A person on the team can step in any time.');
  var log = el('div', { 'class': 'fd-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
  var typing = el('div', { 'class': 'fd-typing', hidden: '', 'aria-hidden': 'true' });
  typing.appendChild(el('span')); typing.appendChild(el('span')); typing.appendChild(el('span'));
  var status = el('p', { 'class': 'fd-sr', role: 'status' });
  var form = el('form', { 'class': 'fd-form' });
  var label = el('label', { 'for': 'fd-input', 'class': 'fd-sr' }, 'Your message');
  var input = el('textarea', { id: 'fd-input', 'class': 'fd-input', rows: '1', maxlength: '2000', placeholder: 'Type your message…', 'aria-describedby': 'fd-disclosure', autocomplete: 'off' });
  var send = el('button', { type: 'submit', 'class': 'fd-send' }, 'Send');
  form.appendChild(label); form.appendChild(input); form.appendChild(send);
  var human = el('button', { type: 'button', 'class': 'fd-human' }, 'Talk to a person');
  panel.appendChild(header); panel.appendChild(disclosure); panel.appendChild(log); panel.appendChild(typing);
  panel.appendChild(status); panel.appendChild(form); panel.appendChild(human);
  root.appendChild(launcher); root.appendChild(panel);

  function mount() { document.body.appendChild(root); }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }

  fetch(base + '/api/chat/config').then(function (r) { return r.ok ? r.json() : null; }).then(function (c) {
    if (!c) { return; }
    title.textContent = c.spa;
    disclosure.textContent = c.disclosure;
    state.pollSeconds = c.pollSeconds || 4;
  }).catch(function () { /* the defaults stand */ });

  var WHO = { client: 'You', agent: 'Assistant', staff: 'Team member', system: 'Notice' };

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
    status.textContent = on ? 'The assistant is typing' : '';
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
    return r.json().then(function (p) { return p.detail || p.title || 'Something went wrong.'; }, function () { return 'Something went wrong (' + r.status + ').'; });
  }

  function showError(text) {
    var e = bubble('agent', text, 'fd-error fd-pending');
    e.setAttribute('role', 'alert');
  }

  function sendText(text) {
    text = (text || '').trim();
    if (!text || state.busy) { return; }
    state.busy = true;
    send.disabled = true; human.disabled = true;
    bubble('client', text, 'fd-pending');
    setTyping(true);
    var reply = null;
    var sentences = '';
    fetch(base + '/api/chat/stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify({ sessionId: state.sessionId, text: text })
    }).then(function (r) {
      if (!r.ok) { return problemText(r).then(showError); }
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
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
          save(data.sessionId);
          setTyping(false);
          if (!reply) { reply = bubble('agent', '', 'fd-pending'); }
          reply.querySelector('.fd-text').textContent = data.reply;
        } else if (name === 'error') { showError(data.detail || data.title); }
      }
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
    }).catch(function () {
      showError('The chat is not reachable right now. Please try again.');
    }).then(function () {
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
  human.addEventListener('click', function () { sendText(HUMAN_REQUEST); });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.closest && t.closest('[data-frontdesk-open]')) { e.preventDefault(); openPanel(); }
  });

  window.FrontDeskWidget = { open: openPanel, close: closePanel, send: sendText };
  if (script && script.getAttribute('data-open') === 'true') { openPanel(); }
  else if (state.sessionId) { refresh(); }
})();
