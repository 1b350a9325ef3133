// WhatsApp Web emulator, part 2 of 6: connection state, QR rotation and the "paired" record.
// The paired record lives in IndexedDB inside the LocalAuth profile,
// so a restarted browser on the same profile reconnects without a QR, as real WhatsApp Web does.
(() => {
  const E = window.__colmeiaEmu;
  const { Model } = E;
  const config = {
    qrRefreshMs: 20_000, // real WhatsApp Web rotates the QR ref about every 20 s
    qrRefsBeforeIdle: 6, // then it stops and goes UNPAIRED_IDLE
    bootDelayMs: 150,
    ...(window.__COLMEIA_EMU_CONFIG__ ?? {}),
  };
  E.config = config;

  // --- persistence: a tiny key-value store; IndexedDB commits survive a killed browser ---------------
  const DB = 'colmeia-emu';
  const openDb = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const idb = async (mode, fn) => {
    const db = await openDb();
    return new Promise((resolve, reject) => {
      const tx = db.transaction('kv', mode);
      const req = fn(tx.objectStore('kv'));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    }).finally(() => db.close());
  };
  // IndexedDB only: a Local Storage mirror commits lazily, so a removal could be lost on close and
  // an unlinked phone would come back paired.
  const KEY = 'paired';
  E.loadPairing = async () => (await idb('readonly', (s) => s.get(KEY))) ?? null;
  E.savePairing = (paired) => idb('readwrite', (s) => s.put(paired, KEY));
  E.forgetPairing = async () => {
    E.me = null;
    await idb('readwrite', (s) => s.delete(KEY));
  };

  // --- the models whatsapp-web.js watches ------------------------------------------------------------
  const Socket = new Model({ state: 'OPENING', hasSynced: false });
  const Conn = new Model({ ref: null, pushname: null, platform: 'android' });
  const Cmd = new Model({});
  let syncListener = null;
  const syncWaiters = [];
  // `ready` is lost if hasSynced flips before the client listens for it, so syncing waits for a listener.
  Socket.onListen = (name) => {
    if (name !== 'change:hasSynced') return;
    syncListener = true;
    for (const resolve of syncWaiters.splice(0)) resolve();
  };
  const whenSyncListener = () => (syncListener ? Promise.resolve() : new Promise((r) => syncWaiters.push(r)));
  Socket.logout = async () => {
    E.log.push({ kind: 'logout', t: Date.now() });
    await E.forgetPairing();
  };
  Socket.takeover = () => E.later(() => Socket.set('state', 'CONNECTED'));
  Object.assign(E, { Socket, Conn, Cmd });

  // --- QR rotation ---------------------------------------------------------------------------------
  let qrTimer = null;
  let refs = 0;
  const newRef = () => `2@${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24))))}`;
  const stopQr = () => {
    clearInterval(qrTimer);
    qrTimer = null;
  };
  E.showQr = () => {
    stopQr();
    refs = 1;
    Conn.set('ref', newRef());
    Socket.set('state', 'UNPAIRED');
    qrTimer = setInterval(() => {
      if (refs >= config.qrRefsBeforeIdle) {
        stopQr();
        Socket.set('state', 'UNPAIRED_IDLE');
        return;
      }
      refs += 1;
      Conn.set('ref', newRef());
    }, config.qrRefreshMs);
  };
  Cmd.refreshQR = () => E.showQr();

  // --- connecting -------------------------------------------------------------------------------------
  E.connect = async (paired) => {
    stopQr();
    E.me = paired;
    Conn.set({ pushname: paired.pushname, platform: paired.platform ?? 'android' });
    Socket.set('state', 'CONNECTED');
    await whenSyncListener();
    Socket.set('hasSynced', true);
  };
  E.pair = async ({ number, name, lid }) => {
    const paired = {
      me: `${number}@c.us`,
      lid: `${lid ?? `${[...number].reverse().join('')}0`}@lid`,
      pushname: name ?? 'Emulated phone',
      platform: 'android',
      pairedAt: Date.now(),
    };
    E.pairingCode = null;
    await E.savePairing(paired);
    Socket.set('state', 'PAIRING');
    await E.connect(paired);
    return paired;
  };

  // State changes are scheduled in the page, never made inside the caller's evaluate: the client's
  // un-awaited destroy() on CONFLICT/UNPAIRED would race the evaluate's reply (TargetCloseError).
  E.later = (fn, ms = 20) => setTimeout(fn, ms);

  E.boot = async () => {
    const paired = await E.loadPairing().catch(() => null);
    setTimeout(() => (paired ? E.connect(paired) : E.showQr()), config.bootDelayMs);
  };
})();
