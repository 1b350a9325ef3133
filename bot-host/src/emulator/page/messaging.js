// WhatsApp Web emulator, part 3 of 6: chats, messages, sending, receiving and the phone's log.
// Only what whatsapp-web.js 1.34.7 calls for text/media sends, replies, seen, typing and inbound.
(() => {
  const E = window.__colmeiaEmu;
  const { Model, Collection, MsgKey } = E;
  const now = () => Math.floor(Date.now() / 1000);
  const hex = (n) =>
    [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, '0'));
  E.newMsgId = () => `3EB0${hex(10).join('').toUpperCase()}`;
  E.log = []; // everything the emulated phone saw: sent messages, seen, typing, logout

  class MsgModel extends Model {
    serialize() {
      const { mediaBlob, mediaObject, ...data } = this;
      return data;
    }
    // What WhatsApp Web spreads into a reply so the recipient sees the quote.
    msgContextInfo() {
      return {
        quotedMsg: { type: this.type, body: this.body ?? this.caption ?? '' },
        quotedStanzaID: this.id.id,
        quotedParticipant: this.author ?? (this.id.fromMe ? E.wid(E.me?.me) : this.from),
        quotedRemoteJid: this.id.remote,
      };
    }
  }
  class GroupMetadataModel extends Model {
    serialize() {
      return { ...this, participants: this.participants.map((p) => ({ ...p })) };
    }
  }

  const Msg = new Collection(MsgModel);
  const Chat = new Collection(Model);
  const Contact = new Collection(Model);
  const GroupMetadata = new Collection(GroupMetadataModel);
  Contact.findMissing = (id) => Contact.add({ id: E.wid(id), pushname: null, name: null })[0];
  Object.assign(E, { Msg, Chat, Contact, GroupMetadata, MsgModel });

  E.ensureChat = (id, { name, participants = [] } = {}) => {
    const wid = E.wid(id);
    const existing = Chat.get(wid);
    if (existing) return existing;
    const attrs = {
      id: wid,
      name: name ?? wid.user,
      formattedTitle: name ?? (wid.isGroup() ? 'Group' : `+${wid.user}`),
      t: now(),
      unreadCount: 0,
      archive: false,
      pin: 0,
      isReadOnly: false,
      isLocked: false,
      mute: { expiration: 0 },
      muteExpiration: 0,
    };
    if (wid.isGroup()) {
      const meta = new GroupMetadataModel({
        id: wid,
        subject: attrs.formattedTitle,
        owner: null,
        creation: now(),
        desc: '',
        announce: false,
        restrict: false,
        isLidAddressingMode: participants.some((p) => p.endsWith('@lid')),
        participants: participants.map((p) => ({ id: E.wid(p), isAdmin: false, isSuperAdmin: false })),
      });
      GroupMetadata.add(meta);
      attrs.groupMetadata = meta;
    }
    return Chat.add(attrs)[0];
  };

  const mediaOf = (msg) =>
    msg.directPath ? { mimetype: msg.mimetype, size: msg.size ?? 0, filename: msg.filename ?? null } : null;

  E.sendToChat = (chat, data) => {
    const msg = new MsgModel({ ...data });
    Msg.add(msg);
    chat.t = msg.t;
    const quoted = data.quotedStanzaID
      ? Msg.getModelsArray().find((m) => m.id.id === data.quotedStanzaID)
      : null;
    E.log.push({
      kind: 'sent',
      id: msg.id._serialized,
      chatId: chat.id._serialized,
      type: msg.type,
      body: msg.type === 'chat' ? (msg.body ?? '') : (msg.caption ?? ''),
      quotedId: quoted?.id._serialized ?? null,
      mentions: (msg.mentionedJidList ?? []).map(E.widString),
      media: mediaOf(msg),
      t: Date.now(),
    });
    // The server acks, then the recipient's phone does: message_ack 1, then 2.
    setTimeout(() => msg.set('ack', 1), 30);
    setTimeout(() => msg.set('ack', 2), 80);
    return [Promise.resolve(msg), Promise.resolve({ messageSendResult: 'OK' })];
  };

  E.receive = ({
    chatId,
    author,
    text = '',
    mentions = [],
    quotedId,
    id,
    notifyName,
    media,
    t,
    chatName,
  }) => {
    if (!E.me) throw new Error('the emulated phone is not paired');
    const chatWid = E.wid(chatId);
    const isGroup = chatWid.isGroup();
    if (isGroup && !author) throw new Error('a group message needs an author');
    const chat = E.ensureChat(chatWid, { name: chatName, participants: isGroup ? [author, E.me.me] : [] });
    const key = new MsgKey({
      fromMe: false,
      from: chatWid,
      id: id ?? E.newMsgId(),
      participant: author && isGroup ? author : undefined,
    });
    const quoted = quotedId ? Msg.get(quotedId) : null;
    if (quotedId && !quoted) throw new Error(`unknown quoted message ${quotedId}`);
    const msg = new MsgModel({
      id: key,
      type: media ? media.type : 'chat',
      body: media ? undefined : text,
      caption: media ? text : undefined,
      t: t ?? now(),
      from: chatWid,
      to: E.wid(E.me.me),
      author: isGroup ? E.wid(author) : undefined,
      notifyName: notifyName ?? 'Contact',
      isNewMsg: true,
      ack: 1,
      mentionedJidList: mentions.map((m) => E.wid(m)),
      ...(quoted ? quoted.msgContextInfo(chat) : {}),
      ...(media
        ? { directPath: `/v/emu/${key.id}`, mimetype: media.mimetype, size: media.size ?? 0, mediaKey: 'emu' }
        : {}),
    });
    chat.t = msg.t;
    Msg.add(msg);
    return { id: key._serialized };
  };
})();
