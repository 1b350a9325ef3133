// WhatsApp Web emulator, part 6 of 6: the emulated phone's controls and the page's boot.
// The bot host calls window.__colmeiaPhone through puppeteer; every answer is plain JSON.
(() => {
  const E = window.__colmeiaEmu;
  const { Socket, Conn, Msg } = E;
  const requireState = (...states) => {
    if (!states.includes(Socket.state))
      throw new Error(`phone: the page is ${Socket.state}, expected ${states.join('/')}`);
  };

  window.__colmeiaPhone = {
    status: () => ({
      state: Socket.state,
      hasSynced: Socket.hasSynced,
      ref: Conn.ref,
      paired: E.me ?? null,
      pairingCode: E.pairingCode?.code ?? null,
      missingModules: [...E.missing],
    }),
    // Scanning the QR or typing the pairing code: the page learns it was linked and connects.
    scan: async ({ number = '5511900000000', name, lid } = {}) => {
      requireState('UNPAIRED', 'UNPAIRED_IDLE');
      if (Socket.state === 'UNPAIRED_IDLE') throw new Error('phone: the QR expired; restart the session');
      return E.pair({ number, name, lid });
    },
    enterCode: async ({ code, name, lid }) => {
      requireState('UNPAIRED');
      if (!E.pairingCode || E.pairingCode.code !== code) throw new Error('phone: wrong pairing code');
      return E.pair({ number: E.pairingCode.phoneNumber, name, lid });
    },
    receive: (input) => {
      requireState('CONNECTED');
      return E.receive(input);
    },
    // The recipient opened the chat: blue ticks (ack 3) on the bot's message.
    read: ({ id }) => {
      const msg = Msg.get(id);
      if (!msg) throw new Error(`phone: unknown message ${id}`);
      E.later(() => msg.set('ack', 3));
      return { id };
    },
    drop: () => {
      E.later(() => Socket.set('state', 'TIMEOUT'));
      return { state: 'TIMEOUT' };
    },
    reconnect: () => {
      E.later(() => Socket.set('state', 'CONNECTED'));
      return { state: 'CONNECTED' };
    },
    conflict: () => {
      E.later(() => Socket.set('state', 'CONFLICT'));
      return { state: 'CONFLICT' };
    },
    // The phone removed this linked device: the page forgets the pairing, as WhatsApp Web does.
    unpair: async () => {
      await E.forgetPairing();
      E.later(() => Socket.set('state', 'UNPAIRED'));
      return { state: 'UNPAIRED' };
    },
    idle: () => {
      E.later(() => Socket.set('state', 'UNPAIRED_IDLE'));
      return { state: 'UNPAIRED_IDLE' };
    },
    log: ({ since = 0 } = {}) => E.log.filter((entry) => entry.t >= since),
  };

  // Numeric, so the library's version comparison works; the cache file name carries the -colmeia tag.
  // `stall` (tests) plays a WhatsApp Web that never finishes loading: the client ends in 'auth timeout'.
  if (E.config.stall) return;
  window.Debug = { VERSION: E.config.debugVersion ?? '2.3000.1' };
  E.boot();
})();
