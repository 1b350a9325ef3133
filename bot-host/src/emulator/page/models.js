// WhatsApp Web emulator, part 1 of 6: the data shapes whatsapp-web.js reads from the page.
// Wids, Backbone-style models and collections, message keys. Browser script, no imports.
(() => {
  const E = window.__colmeiaEmu;

  class Wid {
    constructor(serialized) {
      const [user, server] = String(serialized).split('@');
      this.user = user;
      this.server = server;
      this._serialized = `${user}@${server}`;
    }
    isLid() {
      return this.server === 'lid';
    }
    isGroup() {
      return this.server === 'g.us';
    }
    isStatus() {
      return this._serialized === 'status@broadcast';
    }
    isUser() {
      return this.server === 'c.us' || this.server === 'lid';
    }
    isNewsletter() {
      return this.server === 'newsletter';
    }
    isBroadcast() {
      return this.server === 'broadcast';
    }
    toString() {
      return this._serialized;
    }
    toJid() {
      return this._serialized.replace('@c.us', '@s.whatsapp.net');
    }
    equals(other) {
      return !!other && E.widString(other) === this._serialized;
    }
  }

  // Listener bookkeeping is kept off the enumerable properties so serialize() and JSON see only data.
  const hidden = (obj, key, value) =>
    Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });

  class Events {
    constructor() {
      hidden(this, '_listeners', {});
    }
    on(names, cb) {
      for (const name of names.split(/\s+/).filter(Boolean)) {
        this._listeners[name] ??= [];
        this._listeners[name].push(cb);
        this.onListen?.(name);
      }
      return this;
    }
    off(names, cb) {
      for (const name of (names ?? '').split(/\s+/).filter(Boolean)) {
        this._listeners[name] = (this._listeners[name] ?? []).filter((l) => cb && l !== cb);
      }
      return this;
    }
    once(name, cb) {
      const wrapper = (...args) => {
        this.off(name, wrapper);
        cb(...args);
      };
      return this.on(name, wrapper);
    }
    listenerCount(name) {
      return (this._listeners[name] ?? []).length;
    }
    trigger(name, ...args) {
      for (const cb of [...(this._listeners[name] ?? [])]) {
        try {
          cb(...args);
        } catch (error) {
          console.error('[emu] listener failed', name, error);
        }
      }
      return this;
    }
  }

  class Model extends Events {
    constructor(attrs = {}) {
      super();
      hidden(this, 'collection', null);
      Object.assign(this, attrs);
    }
    // Backbone semantics: change:<key>(model, value, previous), then change(model), bubbled to the collection.
    set(keyOrAttrs, value) {
      const attrs = typeof keyOrAttrs === 'string' ? { [keyOrAttrs]: value } : keyOrAttrs;
      const changed = [];
      for (const [key, next] of Object.entries(attrs)) {
        const prev = this[key];
        if (prev === next) continue;
        this[key] = next;
        changed.push([key, next, prev]);
      }
      for (const [key, next, prev] of changed) this.trigger(`change:${key}`, this, next, prev);
      if (changed.length) this.trigger('change', this);
      return this;
    }
    trigger(name, ...args) {
      super.trigger(name, ...args);
      this.collection?.trigger(name, ...args);
      return this;
    }
    serialize() {
      return { ...this };
    }
    toJSON() {
      return this.serialize();
    }
    unsafe() {
      return this;
    }
  }

  class Collection extends Events {
    constructor(modelClass = Model) {
      super();
      hidden(this, 'models', new Map());
      this.modelClass = modelClass;
    }
    get(id) {
      return this.models.get(E.widString(id)) ?? undefined;
    }
    add(attrsOrModel) {
      const model = attrsOrModel instanceof Model ? attrsOrModel : new this.modelClass(attrsOrModel);
      this.models.set(E.widString(model.id), model);
      model.collection = this;
      this.trigger('add', model);
      return [model];
    }
    remove(id) {
      const model = this.get(id);
      if (!model) return;
      this.models.delete(E.widString(model.id));
      this.trigger('remove', model);
      model.collection = null;
    }
    getModelsArray() {
      return [...this.models.values()];
    }
    async find(id) {
      return this.get(id) ?? this.findMissing?.(id) ?? null;
    }
    async update(id) {
      return this.get(id);
    }
    async getMessagesById(ids) {
      return { messages: ids.map((id) => this.get(id)).filter(Boolean) };
    }
  }

  // The module itself is the constructor in WhatsApp Web (`new (require('WAWebMsgKey'))({...})`).
  class MsgKey {
    constructor({ from, to, id, participant, selfDir, fromMe }) {
      this.fromMe = fromMe ?? selfDir === 'out';
      this.remote = E.wid(this.fromMe ? to : from);
      this.id = id;
      if (participant) this.participant = E.wid(participant);
      const tail = this.participant ? `_${this.participant._serialized}` : '';
      this._serialized = `${this.fromMe}_${this.remote._serialized}_${id}${tail}`;
    }
    toString() {
      return this._serialized;
    }
    static async newId() {
      const bytes = crypto.getRandomValues(new Uint8Array(10));
      return `3EB0${[...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
    }
  }

  E.widString = (id) => (id == null ? '' : typeof id === 'string' ? id : (id._serialized ?? String(id)));
  E.wid = (id) => (id instanceof Wid ? id : id == null ? null : new Wid(E.widString(id)));
  Object.assign(E, { Wid, Model, Collection, MsgKey, Events });
})();
