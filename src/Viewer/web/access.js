// Sign-in for the web map. Reading and lookups need no sign-in; importing, editing and applying need a role
// (surveyor, planner, admin). A pasted API key or token is kept in sessionStorage (gone when the tab closes) and sent
// with every API call by app.js's one fetch helper: a token (three base64url parts, "eyJ…") as Authorization: Bearer,
// anything else as X-Api-Key. GET /api/v1/me says who the server takes the caller for and what the role may do; the
// controls the role may not use are hidden (body classes may-edit, may-import, may-administer). The server still
// enforces every request: a refusal (401/403) is shown as a clear message in the panel that asked.
// Loaded before app.js (its headers are needed by the first request); the panel itself starts on DOMContentLoaded.
(function () {
  'use strict';
  const KEY = 'boundaries.credential';
  const isToken = c => /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(c);
  const headersFor = c => (!c ? {} : isToken(c) ? { Authorization: 'Bearer ' + c } : { 'X-Api-Key': c });
  const access = window.boundariesAccess = {
    me: null,
    ready: false,
    credential: () => sessionStorage.getItem(KEY) || '',
    headers: () => headersFor(access.credential()),
    text: [{
      signIn: '登录', signOut: '退出', credential: 'API 密钥或令牌', notSignedIn: '未登录（只读）', signedInAs: '已登录',
      signInFailed: '登录失败', roleviewer: '查看者', rolesurveyor: '勘界员', roleplanner: '规划员', roleadmin: '管理员', local: '本机',
      refused401: '需要登录：请用有相应角色的 API 密钥或令牌登录后再操作', refused403: '无权操作：当前角色不允许此操作'
    }, {
      signIn: 'Sign in', signOut: 'Sign out', credential: 'API key or token', notSignedIn: 'not signed in (read only)', signedInAs: 'signed in',
      signInFailed: 'sign-in failed', roleviewer: 'viewer', rolesurveyor: 'surveyor', roleplanner: 'planner', roleadmin: 'admin', local: 'this computer',
      refused401: 'Sign-in needed: sign in with an API key or token of a role that may do this', refused403: 'Not allowed: your role may not do this'
    }],
    // called by app.js's fetch helper for a 401/403 answer: the panel shows a clear message, the server's detail after it
    refused: (status, json) => {
      const t = window.viewer.t;
      const detail = json && (json.detail || json.title);
      // also in the header, which is always visible (the panel that asked may be one the role does not show)
      const out = document.getElementById('access-message');
      out.className = 'note error';
      out.textContent = t(status === 401 ? 'refused401' : 'refused403');
      return Object.assign({}, json, { detail: t(status === 401 ? 'refused401' : 'refused403') + (detail ? ' (' + detail + ')' : ''), refused: status });
    }
  };

  async function ask(credential) {
    const lang = document.documentElement.lang || 'zh-CN';
    const r = await fetch('../api/v1/me', { headers: Object.assign({ 'Accept-Language': lang }, headersFor(credential)) });
    let json = null;
    try { json = await r.json(); } catch (e) { json = {}; }
    return { ok: r.ok, status: r.status, json };
  }

  function render() {
    const $ = id => document.getElementById(id);
    const t = window.viewer.t;
    const me = access.me;
    const signedIn = !!access.credential() && me && me.role;
    let who;
    if (!me || !me.role) who = t('notSignedIn');
    else if (me.by === 'local') who = t('local') + ' · ' + t('role' + me.role);
    else who = t('signedInAs') + ': ' + me.name + ' · ' + t('role' + me.role);
    $('access-who').textContent = who;
    $('access-who').dataset.role = me && me.role ? me.role : 'anonymous';
    // nothing configured on the server (a local desktop tool): no key or token can be accepted, so no sign-in form
    $('access-form').hidden = !!signedIn || !(me && me.enforced);
    $('access-signout').hidden = !signedIn;
    const can = (me && me.can) || {};
    for (const p of ['edit', 'import', 'administer']) document.body.classList.toggle('may-' + p, !!can[p]);
  }

  async function refresh() {
    let r = await ask(access.credential());
    if (!r.ok && access.credential()) { sessionStorage.removeItem(KEY); r = await ask(''); }
    access.me = r.ok ? r.json : null;
    render();
    access.ready = true;
  }
  access.refresh = refresh;
  let checked;
  // resolved once the first GET /api/v1/me has answered (app.js sets viewer.ready only after it: controls are settled)
  access.firstCheck = new Promise(resolve => { checked = resolve; });

  document.addEventListener('DOMContentLoaded', () => {
    const $ = id => document.getElementById(id);
    $('access-form').onsubmit = async e => {
      e.preventDefault();
      const c = $('access-credential').value.trim();
      if (!c) return;
      access.ready = false;
      const r = await ask(c);
      const out = $('access-message');
      if (!r.ok) {
        out.className = 'note error';
        out.textContent = window.viewer.t('signInFailed') + ': ' + (r.json.detail || r.json.title || r.status);
        access.ready = true;
        return;
      }
      sessionStorage.setItem(KEY, c);
      $('access-credential').value = '';
      out.className = 'note';
      out.textContent = '';
      access.me = r.json;
      render();
      access.ready = true;
    };
    $('access-signout').onclick = async () => {
      access.ready = false;
      sessionStorage.removeItem(KEY);
      $('access-message').textContent = '';
      await refresh();
    };
    $('lang').addEventListener('change', () => { if (access.ready) render(); });
    refresh().catch(err => { window.viewer.error = String(err); }).then(() => checked());
  });
})();
