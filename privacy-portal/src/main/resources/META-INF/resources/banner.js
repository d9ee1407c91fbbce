/*
 * The visitors' consent banner of the privacy platform. A customer's page includes it with one tag:
 *
 *   <script src="https://privacy.example.com/banner.js" data-consent-api="https://consent.example.com"
 *           data-lang="fr" data-cookie-domain="example.com" defer></script>
 *
 * It shows the cookie purposes with "Accept all", "Refuse all" and "Choose", equally prominent; keeps the choice
 * under a random device id (the first-party cookie pp_device, 13 months at most) and records it with the consent
 * service (PUT /devices/{deviceId}/consents/{purposeId}, no token). With Global Privacy Control on, a device that has
 * not chosen yet refuses every consent purpose on its own, and the banner says so. No library, no inline script or
 * style (a strict CSP needs no 'unsafe-inline'), nothing from the network is ever parsed as HTML.
 *
 * For the page's own scripts: window.privacyBanner.open() reopens it, .consents() gives {purposeId: granted}, and
 * the document receives the event "privacy:consent" (detail: the same object) once a stored choice is read and after
 * every recorded choice.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script || window.privacyBanner) {
    return;
  }

  const DEVICE_COOKIE = 'pp_device';
  /** 13 months at most (CNIL): 390 days, shorter than any 13 calendar months. */
  const DEVICE_MAX_AGE = 390 * 24 * 3600;
  const DEVICE_ID = /^(?:[A-Za-z0-9_-]{22}|[0-9A-Fa-f]{32})$/;
  const PURPOSE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
  const NOTICE_VERSION = /^[A-Za-z0-9._-]{1,32}$/;
  const COOKIE_DOMAIN = /^\.?[a-z0-9](?:[a-z0-9-]{0,62}\.)*[a-z0-9-]{1,63}$/;
  const STANDING_KEY = 'pp_standing';
  const STANDING_KEPT_MS = 10 * 60 * 1000;
  const MAX_PURPOSES = 50;
  const MAX_TEXT = 2000;

  const WORDS = {
    en: {
      title: 'Cookies on this site',
      intro: 'Some cookies are needed for this site to work. The others are set only if you agree. Accept them all, '
        + 'refuse them all, or choose one by one: refusing is as easy as accepting, and you can change your mind at '
        + 'any time with "Cookie settings".',
      accept: 'Accept all',
      refuse: 'Refuse all',
      choose: 'Choose',
      legend: 'Choose for each use',
      always: 'Always on: needed for the site to work.',
      save: 'Save my choices',
      close: 'Close',
      settings: 'Cookie settings',
      gpc: 'Your browser sends the Global Privacy Control signal. We honoured it: the cookies that need your consent '
        + 'are refused. You can still choose otherwise here.',
      byGpc: 'Refused because of your Global Privacy Control signal.',
      saved: 'Your choices were saved.',
      limited: (seconds) => 'Too many choices in a short time: please try again in '
        + (seconds > 0 ? seconds + ' seconds.' : 'a moment.'),
      network: 'Your choice could not be saved: the consent service did not answer. Please try again.',
      failed: (status) => 'Your choice could not be saved (error ' + status + '). Please try again.',
    },
    fr: {
      title: 'Les cookies sur ce site',
      intro: 'Certains cookies sont nécessaires au fonctionnement de ce site. Les autres ne sont déposés qu’avec '
        + 'votre accord. Acceptez-les tous, refusez-les tous ou choisissez un par un\u00a0: refuser est aussi simple '
        + 'qu’accepter, et vous pouvez changer d’avis à tout moment avec «\u00a0Paramètres des cookies\u00a0».',
      accept: 'Tout accepter',
      refuse: 'Tout refuser',
      choose: 'Choisir',
      legend: 'Choisir pour chaque usage',
      always: 'Toujours actifs\u00a0: nécessaires au fonctionnement du site.',
      save: 'Enregistrer mes choix',
      close: 'Fermer',
      settings: 'Paramètres des cookies',
      gpc: 'Votre navigateur envoie le signal Global Privacy Control. Nous l’avons respecté\u00a0: les cookies '
        + 'soumis à votre consentement sont refusés. Vous pouvez toujours choisir autrement ici.',
      byGpc: 'Refusé en raison de votre signal Global Privacy Control.',
      saved: 'Vos choix ont été enregistrés.',
      limited: (seconds) => 'Trop de choix en peu de temps\u00a0: veuillez réessayer dans '
        + (seconds > 0 ? seconds + '\u00a0secondes.' : 'un instant.'),
      network: 'Votre choix n’a pas pu être enregistré\u00a0: le service de consentement n’a pas répondu. '
        + 'Veuillez réessayer.',
      failed: (status) => 'Votre choix n’a pas pu être enregistré (erreur ' + status + '). Veuillez réessayer.',
    },
  };

  const portal = new URL(script.src, location.href).origin;
  const settings = script.dataset;
  const lang = pickLanguage([settings.lang, document.documentElement.lang, ...(navigator.languages || [])]);
  const words = WORDS[lang];
  const gpc = navigator.globalPrivacyControl === true;

  let consentApi = null;
  let catalogueLang = lang;
  /** The purposes shown: {id, name, description, essential, currentNoticeVersion, requiresFreshConsent}. */
  let purposes = [];
  /** The device's standing per purpose id: {status, source, noticeVersion}. */
  let standing = new Map();
  let deviceId = readDeviceCookie();
  let ui = null;
  let returnFocus = null;
  let busy = false;

  /** A recording that failed, with the sentence the visitor reads. */
  class Failure extends Error {
  }

  start();

  async function start() {
    let config;
    try {
      const answer = await fetch(portal + '/banner/config?lang=' + lang, { credentials: 'omit', mode: 'cors' });
      if (!answer.ok) {
        throw new Error('status ' + answer.status);
      }
      config = await answer.json();
    } catch (failure) {
      console.warn('privacy banner: no configuration from ' + portal + ' (' + failure.message + ')');
      return;
    }
    consentApi = httpUrl(settings.consentApi) || httpUrl(config.consentApi);
    if (!consentApi) {
      console.warn('privacy banner: no consent service address (data-consent-api)');
      return;
    }
    catalogueLang = WORDS[config.catalogueLang] ? config.catalogueLang : lang;
    purposes = (Array.isArray(config.purposes) ? config.purposes : []).filter(validPurpose).slice(0, MAX_PURPOSES);
    if (!purposes.some((p) => !p.essential)) {
      return;
    }
    window.privacyBanner = Object.freeze({ open: () => open(), consents, deviceId: () => deviceId });
    if (document.readyState === 'loading') {
      await new Promise((ready) => document.addEventListener('DOMContentLoaded', ready, { once: true }));
    }
    build();
    await loadStyleSheet();
    // a device cookie is written only once a choice was recorded: if its standing cannot be read now, the visitor
    // is not asked again (and nothing that needs consent is allowed until it is read)
    const known = deviceId ? await readStanding() : true;
    if (known && choiceNeeded()) {
      if (gpc) {
        await refuseUnderGpc();
      }
      open();
    } else {
      ui.reopen.hidden = settings.settingsButton === 'off';
      announce();
    }
  }

  // ---- the device and what it chose

  function readDeviceCookie() {
    for (const part of document.cookie.split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === DEVICE_COOKIE && DEVICE_ID.test(value.join('='))) {
        return value.join('=');
      }
    }
    return null;
  }

  function newDeviceId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function writeDeviceCookie(id) {
    let cookie = DEVICE_COOKIE + '=' + id + '; Max-Age=' + DEVICE_MAX_AGE + '; Path=/; SameSite=Lax';
    const domain = (settings.cookieDomain || '').toLowerCase();
    const host = location.hostname.toLowerCase();
    const bare = domain.replace(/^\./, '');
    if (COOKIE_DOMAIN.test(domain) && (host === bare || host.endsWith('.' + bare))) {
      cookie += '; Domain=' + bare;
    }
    if (location.protocol === 'https:') {
      cookie += '; Secure';
    }
    document.cookie = cookie;
  }

  /** The device's standing, from this tab's recent reading or from the service; false when it could not be read. */
  async function readStanding() {
    const kept = keptStanding();
    if (kept) {
      standing = kept;
      return true;
    }
    try {
      const answer = await fetch(consentApi + '/devices/' + deviceId + '/consents', { credentials: 'omit' });
      if (answer.ok) {
        const states = await answer.json();
        if (Array.isArray(states)) {
          states.forEach(remember);
          keepStanding();
          return true;
        }
      }
    } catch (unreachable) {
      // not known now
    }
    return false;
  }

  function remember(state) {
    if (state && typeof state.purposeId === 'string' && PURPOSE_ID.test(state.purposeId)) {
      standing.set(state.purposeId, {
        status: String(state.status), source: state.source == null ? null : String(state.source),
        noticeVersion: state.noticeVersion == null ? null : String(state.noticeVersion),
      });
    }
  }

  /** The standing read in this tab in the last minutes (every page view need not ask the service again). */
  function keptStanding() {
    try {
      const kept = JSON.parse(sessionStorage.getItem(STANDING_KEY) || 'null');
      if (kept && kept.deviceId === deviceId && Date.now() - kept.at < STANDING_KEPT_MS && Array.isArray(kept.states)) {
        const map = new Map();
        kept.states.forEach(([id, state]) => map.set(id, state));
        return map;
      }
    } catch (unavailable) {
      // storage refused or spoiled: ask the service
    }
    return null;
  }

  function keepStanding() {
    try {
      sessionStorage.setItem(STANDING_KEY, JSON.stringify({ deviceId, at: Date.now(), states: [...standing] }));
    } catch (unavailable) {
      // no storage: the next page asks the service
    }
  }

  function choosable() {
    return purposes.filter((p) => !p.essential);
  }

  function granted(purpose) {
    const state = standing.get(purpose.id);
    return !!state && state.status === 'GRANTED';
  }

  /** A purpose never decided, expired, or granted on a notice that since asks for a fresh consent. */
  function undecided(purpose) {
    const state = standing.get(purpose.id);
    return !state || state.status === 'NONE' || state.status === 'EXPIRED'
      || (state.status === 'GRANTED' && purpose.requiresFreshConsent
        && state.noticeVersion !== purpose.currentNoticeVersion);
  }

  function choiceNeeded() {
    return choosable().some(undecided);
  }

  function consents() {
    const all = {};
    purposes.forEach((p) => { all[p.id] = p.essential || granted(p); });
    return all;
  }

  /** Global Privacy Control on a device that has not chosen: an opt-out of every purpose that needs consent. */
  async function refuseUnderGpc() {
    const refusals = new Map(choosable().filter(undecided).map((p) => [p.id, false]));
    try {
      await record(refusals);
    } catch (failure) {
      showError(failure);
    }
  }

  /** PUT each choice; the first failure stops and is shown; the cookie is written once a choice is kept. */
  async function record(choices) {
    const id = deviceId || newDeviceId();
    for (const [purposeId, choice] of choices) {
      const purpose = purposes.find((p) => p.id === purposeId);
      const body = { granted: choice, noticeVersion: purpose.currentNoticeVersion, source: 'web' };
      if (gpc) {
        body.gpc = true;
      }
      let answer;
      try {
        answer = await fetch(consentApi + '/devices/' + id + '/consents/' + purposeId, {
          method: 'PUT', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      } catch (unreachable) {
        throw new Failure(words.network);
      }
      if (answer.status === 429) {
        throw new Failure(words.limited(parseInt(answer.headers.get('Retry-After'), 10)));
      }
      if (!answer.ok) {
        throw new Failure(words.failed(answer.status));
      }
      remember(await answer.json());
      deviceId = id;
      writeDeviceCookie(id);
    }
    keepStanding();
    announce();
  }

  /** Tells the page's own scripts what they may do now. */
  function announce() {
    document.dispatchEvent(new CustomEvent('privacy:consent', { detail: consents() }));
  }

  // ---- what the visitor sees

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === true) {
        element.setAttribute(name, '');
      } else if (value !== false && value != null) {
        element.setAttribute(name, String(value));
      }
    });
    children.forEach((child) => element.append(child));
    return element;
  }

  function build() {
    const other = catalogueLang !== lang ? catalogueLang : null;
    const rows = purposes.map((p) => {
      const box = 'pp-purpose-' + p.id;
      const input = el('input', {
        type: 'checkbox', id: box, 'data-purpose': p.id, checked: p.essential, disabled: p.essential,
        'aria-describedby': box + '-text',
      });
      const state = el('p', { class: 'pp-state', id: box + '-state' });
      return {
        purpose: p, input, state,
        row: el('li', { class: 'pp-purpose' },
          el('div', { class: 'pp-check' }, input, el('label', { for: box, lang: other }, p.name)),
          el('p', { class: 'pp-text', id: box + '-text' }, el('span', { lang: other }, p.description),
            p.essential ? ' ' + words.always : ''),
          state),
      };
    });
    const button = (name, text, extra) => el('button', { type: 'button', class: 'pp-button', 'data-pp': name, ...extra },
      text);
    const accept = button('accept', words.accept);
    const refuse = button('refuse', words.refuse);
    const choose = button('choose', words.choose, { 'aria-expanded': 'false', 'aria-controls': 'pp-choices' });
    const save = button('save', words.save);
    const close = el('button', { type: 'button', class: 'pp-close', 'data-pp': 'close', hidden: true }, words.close);
    const gpcNotice = el('p', { id: 'pp-gpc', class: 'pp-gpc', hidden: true }, words.gpc);
    const error = el('p', { class: 'pp-error', role: 'alert' });
    const choices = el('div', { id: 'pp-choices', class: 'pp-choices', hidden: true },
      el('fieldset', {}, el('legend', {}, words.legend), el('ul', { class: 'pp-purposes' }, ...rows.map((r) => r.row))),
      save);
    const dialog = el('section', {
      id: 'pp-banner', class: 'pp-banner', role: 'dialog', 'aria-labelledby': 'pp-title',
      'aria-describedby': 'pp-intro', lang, tabindex: '-1', hidden: true,
    }, el('h2', { id: 'pp-title', class: 'pp-title' }, words.title), el('p', { id: 'pp-intro' }, words.intro),
    gpcNotice, el('div', { class: 'pp-actions' }, accept, refuse, choose), choices, error, close);
    const reopen = el('button', { type: 'button', class: 'pp-reopen', lang, hidden: true }, words.settings);
    const live = el('p', { class: 'pp-live', role: 'status', lang });
    document.body.append(dialog, reopen, live);

    accept.addEventListener('click', () => decide(new Map(choosable().map((p) => [p.id, true]))));
    refuse.addEventListener('click', () => decide(new Map(choosable().map((p) => [p.id, false]))));
    choose.addEventListener('click', () => {
      const opening = choices.hidden;
      choices.hidden = !opening;
      choose.setAttribute('aria-expanded', String(opening));
    });
    save.addEventListener('click', () => decide(new Map(rows.filter((r) => !r.purpose.essential)
      .map((r) => [r.purpose.id, r.input.checked]))));
    close.addEventListener('click', () => hide());
    reopen.addEventListener('click', () => open());
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !choiceNeeded()) {
        hide();
      }
    });
    ui = { dialog, rows, choose, choices, close, gpcNotice, error, reopen, live, buttons: [accept, refuse, save] };
  }

  function loadStyleSheet() {
    if (settings.stylesheet === 'off') {
      return Promise.resolve();
    }
    return new Promise((done) => {
      const link = el('link', { rel: 'stylesheet', href: portal + '/banner.css' });
      link.addEventListener('load', done);
      link.addEventListener('error', done);
      setTimeout(done, 3000);
      document.head.append(link);
    });
  }

  function open() {
    if (!ui) {
      return;
    }
    if (ui.dialog.hidden) {
      returnFocus = document.activeElement;
    }
    ui.rows.forEach(({ purpose, input, state }) => {
      if (!purpose.essential) {
        input.checked = granted(purpose);
        const byGpc = standing.get(purpose.id);
        state.textContent = byGpc && byGpc.source === 'gpc' && byGpc.status !== 'GRANTED' ? words.byGpc : '';
      }
    });
    ui.gpcNotice.hidden = !(gpc && choosable().some((p) => {
      const state = standing.get(p.id);
      return state && state.source === 'gpc' && state.status !== 'GRANTED';
    }));
    ui.dialog.setAttribute('aria-describedby', ui.gpcNotice.hidden ? 'pp-intro' : 'pp-gpc pp-intro');
    ui.close.hidden = choiceNeeded();
    ui.reopen.hidden = true;
    ui.dialog.hidden = false;
    ui.dialog.focus({ preventScroll: true });
  }

  function hide() {
    ui.dialog.hidden = true;
    ui.choices.hidden = true;
    ui.choose.setAttribute('aria-expanded', 'false');
    ui.error.textContent = '';
    ui.reopen.hidden = settings.settingsButton === 'off';
    const back = returnFocus && returnFocus !== document.body && document.contains(returnFocus) ? returnFocus
      : (ui.reopen.hidden ? null : ui.reopen);
    if (back) {
      back.focus({ preventScroll: true });
    }
  }

  async function decide(choices) {
    if (busy) {
      return;
    }
    busy = true;
    ui.error.textContent = '';
    ui.buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
    try {
      await record(choices);
      hide();
      ui.live.textContent = words.saved;
    } catch (failure) {
      showError(failure);
    } finally {
      busy = false;
      ui.buttons.forEach((b) => b.removeAttribute('aria-disabled'));
    }
  }

  function showError(failure) {
    ui.error.textContent = failure instanceof Failure ? failure.message : words.network;
  }

  // ---- what the configuration may say

  function pickLanguage(candidates) {
    for (const candidate of candidates) {
      const primary = String(candidate || '').toLowerCase().split('-')[0];
      if (WORDS[primary]) {
        return primary;
      }
    }
    return 'en';
  }

  function httpUrl(value) {
    try {
      const url = new URL(String(value || ''));
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\/+$/, '') : null;
    } catch (notAUrl) {
      return null;
    }
  }

  function validPurpose(p) {
    if (!p || typeof p.id !== 'string' || !PURPOSE_ID.test(p.id) || typeof p.currentNoticeVersion !== 'string'
      || !NOTICE_VERSION.test(p.currentNoticeVersion)) {
      return false;
    }
    p.name = String(p.name || p.id).slice(0, 200);
    p.description = String(p.description || '').slice(0, MAX_TEXT);
    p.essential = p.essential === true;
    p.requiresFreshConsent = p.requiresFreshConsent === true;
    return true;
  }
})();
