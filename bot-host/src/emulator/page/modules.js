// WhatsApp Web emulator, part 5 of 6: `window.require`, the module names whatsapp-web.js 1.34.7 asks for.
// Unknown names return {} (a throwing require aborts the client's inject); they are recorded in E.missing.
(() => {
  const E = window.__colmeiaEmu;
  const { Socket, Conn, Cmd, Msg, Chat, Contact, GroupMetadata, MsgKey } = E;
  const bytes = (n) => crypto.getRandomValues(new Uint8Array(n));
  const b64 = (u8) => btoa(String.fromCharCode(...u8));
  const keys = { noise: bytes(32), identity: bytes(32), adv: b64(bytes(32)) };
  const me = () => (E.me ? E.wid(E.me.me) : null);
  const meLid = () => (E.me ? E.wid(E.me.lid) : null);
  const seen = ({ chat }) => {
    E.log.push({ kind: 'seen', chatId: chat.id._serialized, t: Date.now() });
    chat.unreadCount = 0;
  };
  const chatState = (state) => async (wid) => {
    E.log.push({ kind: state, chatId: E.widString(wid), t: Date.now() });
  };
  const contactGetter = (key) => (contact) => contact?.[key];

  const modules = {
    WAWebSocketModel: { Socket },
    WAWebCmd: { Cmd },
    WAWebConnModel: { Conn },
    WAWebOfflineHandler: { OfflineMessageHandler: { getOfflineDeliveryProgress: () => 100 } },
    WAWebAltDeviceLinkingApi: {
      setPairingType: () => undefined,
      initializeAltDeviceLinking: async () => undefined,
      initializeQRLinking: async () => undefined,
      startAltLinkingFlow: async (phoneNumber) => {
        const alphabet = 'ABCDEFGHJKLMNPQRSTVWXYZ0123456789';
        const code = [...bytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
        E.pairingCode = { code, phoneNumber: String(phoneNumber) };
        return code;
      },
    },
    WAWebLaunchSocketUtils: { refreshQR: () => E.showQr() },
    WABase64: {
      encodeB64: (value) => (typeof value === 'string' ? btoa(value) : b64(new Uint8Array(value))),
    },
    WAWebCompanionRegClientUtils: { DEVICE_PLATFORM: 'Chrome' },
    WAWebAdvSignatureApi: { getADVSecretKey: async () => keys.adv },
    WAWebUserPrefsMultiDevice: { getADVSecretKey: () => keys.adv },
    WAWebUserPrefsInfoStore: {
      waNoiseInfo: { get: async () => ({ staticKeyPair: { pubKey: keys.noise } }) },
    },
    WAWebSignalStoreApi: {
      waSignalStore: { getRegistrationInfo: async () => ({ identityKeyPair: { pubKey: keys.identity } }) },
    },
    WAWebUserPrefsMeUser: { getMaybeMePnUser: me, getMaybeMeLidUser: meLid },
    WAWebCollections: { Msg, Chat, Contact, GroupMetadata, Blocklist: new E.Collection() },
    WALinkify: { findLink: () => null, findLinks: () => [] },
    WAWebSyncGatingUtils: {},
    WAWebWidFactory: {
      createWid: (id) => E.wid(id),
      createWidFromWidLike: (like) => E.wid(like),
      asUserWidOrThrow: (wid) => E.wid(wid),
    },
    WAWebMsgKey: MsgKey,
    WAWebFindChatAction: { findOrCreateLatestChat: async (wid) => ({ chat: E.ensureChat(wid) }) },
    WAWebStreamModel: { Stream: { markAvailable: () => undefined, markUnavailable: () => undefined } },
    WAWebUpdateUnreadChatAction: { sendSeen: async (args) => seen(args) },
    WAWebChatGetters: {
      getIsNewsletter: (chat) => chat.id.isNewsletter(),
      getIsBroadcast: (chat) => chat.id.isStatus(),
    },
    WAWebGetEphemeralFieldsMsgActionsUtils: { getEphemeralFields: () => ({}) },
    WAWebSendMsgChatAction: { addAndSendMsgToChat: (chat, data) => E.sendToChat(chat, data) },
    WAWebMsgReply: { canReplyMsg: () => true },
    WAWebQuotedMsgModelUtils: {
      getQuotedMsgObj: (msg) =>
        Msg.getModelsArray().find((m) => m.id.id === msg.quotedStanzaID) ??
        new E.MsgModel({
          ...msg.quotedMsg,
          id: new MsgKey({ fromMe: false, from: msg.id.remote, id: msg.quotedStanzaID }),
          from: msg.id.remote,
        }),
    },
    WAWebChatStateBridge: {
      sendChatStateComposing: chatState('typing'),
      sendChatStateRecording: chatState('recording'),
      sendChatStatePaused: chatState('paused'),
    },
    WAWebLidMigrationUtils: { toPn: (id) => id },
    // Only our own number has a known phone ⇄ lid mapping in the emulator.
    WAWebApiContact: {
      getAlternateUserWid: () => null,
      getCurrentLid: (wid) => (E.me && E.widString(wid) === E.me.me ? meLid() : null),
      getPhoneNumber: (wid) => (E.me && E.widString(wid) === E.me.lid ? me() : null),
    },
    WAWebQueryExistsJob: { queryWidExists: async (wid) => ({ wid: E.wid(wid) }) },
    WAWebContactGetters: new Proxy(
      {},
      {
        get: (_, key) =>
          contactGetter(
            String(key)
              .replace(/^getIs|^get/, '')
              .replace(/^./, (c) => c.toLowerCase()),
          ),
      },
    ),
    WAWebFrontendContactGetters: { getIsMyContact: () => false },
    WAWebMediaOpaqueData: E.media.OpaqueData,
    WAWebPrepRawMedia: { prepRawMedia: E.media.prepRawMedia },
    WAWebMediaStorage: { getOrCreateMediaObject: E.media.getOrCreateMediaObject },
    WAWebMmsMediaTypes: { msgToMediaType: ({ type }) => type, castToV4: (type) => type },
    WAWebMediaDataUtils: { shouldUseMediaCache: () => false },
    WAWebMediaInMemoryBlobCache: { InMemoryMediaBlobCache: { put: () => undefined } },
    WAWebMediaMmsV4Upload: { uploadMedia: E.media.uploadMedia, uploadUnencryptedMedia: E.media.uploadMedia },
  };

  E.missing = new Set();
  window.require = (name) => {
    if (name in modules) return modules[name];
    E.missing.add(name);
    return {};
  };
})();
