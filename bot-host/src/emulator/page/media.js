// WhatsApp Web emulator, part 4 of 6: enough of the media pipeline for MessageMedia sends.
// whatsapp-web.js prepares, hashes and "uploads" the file; nothing leaves the page.
(() => {
  const E = window.__colmeiaEmu;
  const { Model } = E;
  const now = () => Math.floor(Date.now() / 1000);
  const hex = (n) =>
    [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, '0'));

  class OpaqueData {
    static async createFromData(blob, type) {
      const data = new OpaqueData();
      data.blob = blob;
      data.type = type;
      return data;
    }
    url() {
      return `blob:emu/${this.blob?.size ?? 0}`;
    }
    autorelease() {}
    formData() {
      return this.blob;
    }
  }
  class MediaData extends Model {
    serialize() {
      const { mediaBlob, ...rest } = this;
      return rest;
    }
  }
  const kindOf = (mimetype, { isPtt, asDocument }) => {
    if (asDocument) return 'document';
    if (mimetype.startsWith('image/')) return 'image';
    if (mimetype.startsWith('video/')) return 'video';
    if (mimetype.startsWith('audio/')) return isPtt ? 'ptt' : 'audio';
    return 'document';
  };
  E.media = {
    OpaqueData,
    prepRawMedia: (opaque, params) => ({
      waitForPrep: async () => {
        const digest = await crypto.subtle.digest('SHA-256', await opaque.blob.arrayBuffer());
        const filehash = btoa(String.fromCharCode(...new Uint8Array(digest)));
        E.media.sizes.set(filehash, opaque.blob.size);
        return new MediaData({
          type: kindOf(opaque.type, params),
          mimetype: opaque.type,
          filehash,
          size: opaque.blob.size,
          filename: opaque.blob.name,
          isGif: false,
          mediaBlob: opaque,
        });
      },
    }),
    sizes: new Map(), // filehash → bytes, as WhatsApp Web's media store knows them
    getOrCreateMediaObject: (filehash) => ({
      filehash,
      contentInfo: {},
      consolidate() {},
      size: E.media.sizes.get(filehash) ?? 0,
    }),
    uploadMedia: async ({ mediaObject }) => ({
      mediaEntry: {
        mmsUrl: `https://mmg.whatsapp.net/emu/${hex(8).join('')}`,
        directPath: `/v/emu/${hex(8).join('')}`,
        mediaKey: btoa(hex(16).join('')),
        mediaKeyTimestamp: now(),
        encFilehash: mediaObject.filehash,
        uploadHash: mediaObject.filehash,
      },
    }),
  };
})();
